-- tekg store schema, version 3 (PRAGMA user_version = 3).
--
-- Offsets (start, end, source_start, ...) count Unicode code points, as
-- SQLite's substr() does on TEXT, so evidence is substr(orig, start + 1,
-- end - start).  Dates are ISO 8601 text at the precision the text gives.
-- Later versions add migrations in src/store/store.c; never edit a released
-- version's statements.

-- An input: a file, stdin or a URL.  Same raw bytes, same source.
CREATE TABLE source (
	id          INTEGER PRIMARY KEY,
	path        TEXT NOT NULL,
	hash        TEXT NOT NULL UNIQUE,       -- SHA-256 of the raw bytes
	bytes       INTEGER NOT NULL,
	format      TEXT NOT NULL,              -- text | jsonl | html
	encoding    TEXT NOT NULL,              -- UTF-8 | GB18030 | BIG5
	script      TEXT NOT NULL,              -- t2s | hk2s | tw2s | none
	meta        TEXT NOT NULL DEFAULT '{}', -- JSON: page furniture (版次, 责编, ...)
	ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	cli_date    TEXT                        -- the --date given at ingest (v3), for reindex
);

-- One article: the unit of the graph.  Same working text, same document.
CREATE TABLE document (
	id            INTEGER PRIMARY KEY,
	hash          TEXT NOT NULL UNIQUE,     -- SHA-256 of the working copy
	title         TEXT,
	url           TEXT,
	orig          TEXT NOT NULL,            -- as written
	work          TEXT NOT NULL,            -- simplified + NFKC
	map           BLOB NOT NULL,            -- work -> orig offsets, run-length coded
	date          TEXT,                     -- the article's date (ISO)
	date_inferred INTEGER NOT NULL DEFAULT 0,
	meta_date     TEXT,                     -- date given by the input's metadata
	dateline      TEXT,                     -- JSON: text, agency, place, month, day, start, end
	meta          TEXT NOT NULL DEFAULT '{}',
	minhash       BLOB,                     -- 128 x uint32, little-endian
	duplicate_of  INTEGER REFERENCES document(id) ON DELETE SET NULL
);

-- Where each document sits in each source.
CREATE TABLE doc_source (
	source_id    INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
	seq          INTEGER NOT NULL,          -- article index in the source
	doc_id       INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	source_start INTEGER NOT NULL,
	source_end   INTEGER NOT NULL,
	PRIMARY KEY (source_id, seq)
);
CREATE INDEX doc_source_doc ON doc_source(doc_id);

-- LSH bands of the MinHash signatures, for near-duplicate candidates.
CREATE TABLE minhash_band (
	band   INTEGER NOT NULL,
	hash   INTEGER NOT NULL,
	doc_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	PRIMARY KEY (band, hash, doc_id)
) WITHOUT ROWID;
CREATE INDEX minhash_band_doc ON minhash_band(doc_id);

CREATE TABLE sentence (
	id     INTEGER PRIMARY KEY,
	doc_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	idx    INTEGER NOT NULL,
	start  INTEGER NOT NULL,                -- in document.orig
	"end"  INTEGER NOT NULL,
	wstart INTEGER NOT NULL,                -- in document.work
	wend   INTEGER NOT NULL,
	UNIQUE (doc_id, idx)
);

-- Bylines and photo credits (本报记者 X, 新华社记者 X 摄).
CREATE TABLE credit (
	id     INTEGER PRIMARY KEY,
	doc_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	role   TEXT,
	outlet TEXT,
	names  TEXT NOT NULL DEFAULT '',        -- "|"-joined
	text   TEXT NOT NULL,
	start  INTEGER NOT NULL,
	"end"  INTEGER NOT NULL
);
CREATE INDEX credit_doc ON credit(doc_id);

-- Every node that is not a document.
CREATE TABLE entity (
	id       INTEGER PRIMARY KEY,
	key      TEXT NOT NULL UNIQUE,          -- type:canonical[#n]
	type     TEXT NOT NULL CHECK (type IN
	         ('person', 'organization', 'place', 'event', 'date', 'topic')),
	label    TEXT NOT NULL,
	kind     TEXT,
	title    TEXT,
	start    TEXT,
	"end"    TEXT,
	value    TEXT,
	keywords TEXT
);
CREATE INDEX entity_type ON entity(type);

CREATE TABLE alias (
	entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
	alias     TEXT NOT NULL,
	PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX alias_alias ON alias(alias);

CREATE TABLE mention (
	id          INTEGER PRIMARY KEY,
	doc_id      INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	sentence_id INTEGER REFERENCES sentence(id) ON DELETE CASCADE,
	entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
	surface     TEXT NOT NULL,              -- as written
	norm        TEXT NOT NULL,              -- simplified
	start       INTEGER NOT NULL,           -- in document.orig
	"end"       INTEGER NOT NULL
);
CREATE INDEX mention_doc ON mention(doc_id);
CREATE INDEX mention_entity ON mention(entity_id);
CREATE INDEX mention_sentence ON mention(sentence_id);

-- One row per observed relation, with its evidence sentence; the graph
-- aggregates rows with the same (type, src, dst, role) into one edge.
CREATE TABLE edge (
	id          INTEGER PRIMARY KEY,
	type        TEXT NOT NULL,
	src_doc     INTEGER REFERENCES document(id) ON DELETE CASCADE,
	src         INTEGER REFERENCES entity(id) ON DELETE CASCADE,
	dst         INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
	doc_id      INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	sentence_id INTEGER REFERENCES sentence(id) ON DELETE CASCADE,
	role        TEXT,
	title       TEXT,
	weight      REAL NOT NULL DEFAULT 1,
	CHECK ((src IS NULL) <> (src_doc IS NULL))
);
CREATE INDEX edge_doc ON edge(doc_id);
CREATE INDEX edge_src ON edge(src);
CREATE INDEX edge_dst ON edge(dst);

-- Keywords of each document for topics (src/extract/keywords.c, version 2):
-- count, jieba IDF (NULL without idf.txt) and static TF-IDF weight.
-- Topics (graph/topics.c) blend the IDF with the corpus's and cluster them.
CREATE TABLE keyword (
	doc_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	word   TEXT NOT NULL,
	tf     INTEGER NOT NULL,
	idf    REAL,
	weight REAL NOT NULL,
	PRIMARY KEY (doc_id, word)
) WITHOUT ROWID;
CREATE INDEX keyword_word ON keyword(word);

-- Researchers' fixes, applied on every ingest and reindex.
CREATE TABLE curation (
	id       INTEGER PRIMARY KEY,
	op       TEXT NOT NULL,                 -- merge | rename | block | type
	a        TEXT NOT NULL,
	b        TEXT,
	added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT
);
