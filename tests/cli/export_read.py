"""export_read.py - read tekg's exports with the Python clients users have
(tests/cli/export_clients.sh runs it).

  export_read.py sample DIR      NetworkX + python-igraph on DIR/sample.graphml,
                                 Python's csv module on DIR/sample_csv/, exact values
  export_read.py sample-gexf DIR NetworkX >= 3 on DIR/sample.gexf (exit 77 when the
                                 interpreter's NetworkX is older: 2.x reads only GEXF 1.2)
  export_read.py same DIR NAME   DIR/NAME.graphml (NetworkX) against DIR/NAME.json,
                                 DIR/NAME_csv/ and, with NetworkX >= 3, DIR/NAME.gexf:
                                 every node and edge with the same attribute values

Prints one line per failure and exits 1 on any, else 0.
"""
import csv
import json
import math
import os
import sys

FAILS = []


def check(what, got, want):
    if got != want:
        FAILS.append(f"{what}: got {got!r}, want {want!r}")


def done():
    for f in FAILS:
        print("FAIL:", f)
    sys.exit(1 if FAILS else 0)


HOSTILE = '王毅 <b>&"x"\ny'
BADUTF8 = "bad \ufffd\ufffd utf8 \ufffd"
EVIDENCE = '王毅出席峰会,并"致辞"。\r\n第二行'


def sample_networkx(path):
    import networkx as nx

    g = nx.read_graphml(path)
    check("networkx: directed", g.is_directed(), True)
    check("networkx: nodes", sorted(g.nodes), ["d1", "n1", "n2", "n3", "n4"])
    check("networkx: edges", g.number_of_edges(), 4)
    check("networkx: n1", g.nodes["n1"], {
        "type": "person", "label": HOSTILE, "mentions": 3, "first_seen": "2025-11-20",
        "last_seen": "2025-12-05", "aliases": "王毅|王 毅", "pagerank": 0.125, "x": -12.5,
        "y": 3.25, "size": 7.5, "r": 228, "g": 26, "b": 28})
    check("networkx: d1", g.nodes["d1"], {
        "type": "document", "label": '报道, "第一篇"', "mentions": 0,
        "first_seen": "2025-12-03", "last_seen": "2025-12-03", "date": "2025-12-03",
        "date_inferred": True})
    check("networkx: n2", g.nodes["n2"], {
        "type": "event", "label": "亚太经合组织峰会", "mentions": 2, "first_seen": "2025-12-03",
        "last_seen": "2025-12-03", "start": "2025-12", "end": "2025-12"})
    check("networkx: n4 label", g.nodes["n4"]["label"], BADUTF8)
    e1 = g.edges["n1", "n2"]
    check("networkx: e1", e1, {
        "id": "e1", "type": "participant", "weight": 1.5, "role": "出席",
        "evidence": EVIDENCE, "first_seen": "2025-11-01", "last_seen": "2025-12-04"})
    check("networkx: types", [type(g.nodes["n1"][k]).__name__ for k in ("mentions", "pagerank")],
          ["int", "float"])


def sample_igraph(path):
    import igraph

    g = igraph.Graph.Read_GraphML(path)
    check("igraph: directed", g.is_directed(), True)
    check("igraph: counts", (g.vcount(), g.ecount()), (5, 4))
    v = g.vs.find(id="n1")
    check("igraph: n1 label", v["label"], HOSTILE)
    check("igraph: n1 mentions", v["mentions"], 3)
    check("igraph: n1 pagerank", v["pagerank"], 0.125)
    check("igraph: n1 rgb", (v["r"], v["g"], v["b"]), (228, 26, 28))
    d = g.vs.find(id="d1")
    check("igraph: d1 date_inferred", d["date_inferred"], True)
    check("igraph: n2 pagerank (NaN left out)", math.isnan(g.vs.find(id="n2")["pagerank"]), True)
    check("igraph: n4 label", g.vs.find(id="n4")["label"], BADUTF8)
    e = g.es.find(id="e1")
    check("igraph: e1 ends", (g.vs[e.source]["id"], g.vs[e.target]["id"]), ("n1", "n2"))
    check("igraph: e1 evidence", e["evidence"], EVIDENCE)
    check("igraph: e1 weight", e["weight"], 1.5)


def sample_csv(d):
    with open(os.path.join(d, "nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    check("csv: nodes header", rows[0][:4], ["Id", "Label", "type", "mentions"])
    check("csv: nodes rows", len(rows), 6)
    by = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    check("csv: n1 label", by["n1"]["Label"], HOSTILE)
    check("csv: d1 label", by["d1"]["Label"], '报道, "第一篇"')
    check("csv: n1 pagerank", by["n1"]["pagerank"], "0.125")
    check("csv: n4 label", by["n4"]["Label"], BADUTF8)
    check("csv: widths", {len(r) for r in rows}, {len(rows[0])})
    with open(os.path.join(d, "edges.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    check("csv: edges header", rows[0][:6], ["Source", "Target", "Type", "Id", "Label", "Weight"])
    e1 = dict(zip(rows[0], rows[2]))
    check("csv: e1", (e1["Source"], e1["Target"], e1["Type"], e1["Id"], e1["Label"],
                      e1["Weight"], e1["evidence"]),
          ("n1", "n2", "Directed", "e1", "participant", "1.5", EVIDENCE))


def nx_major():
    import networkx as nx
    return int(nx.__version__.split(".")[0])


def sample_gexf(path):
    import networkx as nx

    g = nx.read_gexf(path)
    check("gexf: directed", g.is_directed(), True)
    check("gexf: nodes", sorted(g.nodes), ["d1", "n1", "n2", "n3", "n4"])
    n1 = g.nodes["n1"]
    check("gexf: n1 label", n1["label"], HOSTILE)
    check("gexf: n1 mentions", n1["mentions"], 3)
    check("gexf: n1 pagerank", n1["pagerank"], 0.125)
    check("gexf: n1 period", (n1["start"], n1["end"]), ("2025-11-20", "2025-12-05"))
    check("gexf: n1 viz", n1["viz"], {"color": {"r": 228, "g": 26, "b": 28, "a": 1.0},
                                       "size": 7.5, "position": {"x": -12.5, "y": 3.25, "z": 0.0}})
    check("gexf: d1 date_inferred", g.nodes["d1"]["date_inferred"], True)
    check("gexf: n2 period", (g.nodes["n2"]["start"], g.nodes["n2"]["end"]),
          ("2025-12-01", "2025-12-31"))
    check("gexf: n3 period", (g.nodes["n3"]["start"], g.nodes["n3"]["end"]),
          ("2025-01-01", "2025-12-31"))
    check("gexf: n4 label", g.nodes["n4"]["label"], BADUTF8)
    e1 = g.edges["n1", "n2"]
    check("gexf: e1", {k: e1[k] for k in ("type", "label", "weight", "evidence", "start", "end")},
          {"type": "participant", "label": "participant", "weight": 1.5, "evidence": EVIDENCE,
           "start": "2025-12-01", "end": "2025-12-04"})


# --- same: one graph, every format --------------------------------------

def csv_text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return str(v)


def same(d, name):
    import networkx as nx

    g = nx.read_graphml(os.path.join(d, name + ".graphml"))
    if g.number_of_nodes() == 0:
        FAILS.append("graphml: no nodes")
    with open(os.path.join(d, name + ".json"), encoding="utf-8") as f:
        js = json.load(f)
    check("json: options", js["options"]["type"], "directed")
    jn = {n["key"]: n["attributes"] for n in js["nodes"]}
    check("json: node keys", sorted(jn), sorted(g.nodes))
    def nonempty(a):  # NetworkX 2.8 drops empty <data> elements
        return {k: v for k, v in a.items() if v != "" and k not in ("color", "id")}

    for n, a in g.nodes(data=True):
        check(f"json: node {n}", nonempty(jn[n]), nonempty(a))
    je = {e["key"]: e for e in js["edges"]}
    gx = {a["id"]: (s, t, a) for s, t, a in g.edges(data=True)} if not g.is_multigraph() else \
        {a.get("id", k): (s, t, a) for s, t, k, a in g.edges(keys=True, data=True)}  # key = id
    check("json: edge keys", sorted(je), sorted(gx))
    for eid, (s, t, a) in gx.items():
        e = je[eid]
        check(f"json: edge {eid} ends", (e["source"], e["target"]), (s, t))
        check(f"json: edge {eid}", nonempty(e["attributes"]), nonempty(a))

    cdir = os.path.join(d, name + "_csv")
    with open(os.path.join(cdir, "nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    head = rows[0]
    for r in rows[1:]:
        row = dict(zip(head, r))
        a = g.nodes[row["Id"]]
        check(f"csv: node {row['Id']} label", row["Label"], a.get("label", ""))
        for k in head[2:]:
            check(f"csv: node {row['Id']} {k}", row[k], csv_text(a[k]) if k in a else "")
    check("csv: node rows", len(rows) - 1, g.number_of_nodes())
    with open(os.path.join(cdir, "edges.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    head = rows[0]
    for r in rows[1:]:
        row = dict(zip(head, r))
        s, t, a = gx[row["Id"]]
        check(f"csv: edge {row['Id']}", (row["Source"], row["Target"], row["Type"], row["Label"],
                                         row["Weight"]),
              (s, t, "Directed", a["type"], csv_text(a["weight"])))
        for k in head[6:]:
            check(f"csv: edge {row['Id']} {k}", row[k], csv_text(a[k]) if k in a else "")
    check("csv: edge rows", len(rows) - 1, len(gx))

    if nx_major() >= 3 and os.path.exists(os.path.join(d, name + ".gexf")):
        x = nx.read_gexf(os.path.join(d, name + ".gexf"))
        check("gexf: nodes", sorted(x.nodes), sorted(g.nodes))
        for n, a in g.nodes(data=True):
            b = x.nodes[n]
            for k, v in a.items():
                if k in ("x", "y", "size", "r", "g", "b", "start", "end"):
                    continue  # viz, and the element's period (NetworkX stores it as start/end)
                check(f"gexf: node {n} {k}", b.get(k), v)
    done()


def main():
    mode, d = sys.argv[1], sys.argv[2]
    if mode == "sample":
        sample_networkx(os.path.join(d, "sample.graphml"))
        sample_igraph(os.path.join(d, "sample.graphml"))
        sample_csv(os.path.join(d, "sample_csv"))
    elif mode == "sample-gexf":
        if nx_major() < 3:
            print("skip: NetworkX", __import__("networkx").__version__, "reads only GEXF 1.2")
            sys.exit(77)
        sample_gexf(os.path.join(d, "sample.gexf"))
    elif mode == "same":
        same(d, sys.argv[3])
    done()


if __name__ == "__main__":
    main()
