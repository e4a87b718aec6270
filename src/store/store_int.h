/*
 * store_int.h - internals shared by the store's files.
 */
#ifndef TEKG_STORE_INT_H
#define TEKG_STORE_INT_H

#include <sqlite3.h>

#include "tekg/store.h"

struct tekg_store {
	sqlite3 *db;
	char *path;       /* owned */
	int readonly;
	int in_tx;        /* a transaction opened by tekg_store_begin */
};

/* Record the connection's last error as TEKG_EDB with a context word. */
int store_dberr(tekg_store *s, tekg_error *err, const char *what);
/* Prepare `sql`; on failure fill err and return TEKG_EDB. */
int store_prepare(tekg_store *s, const char *sql, sqlite3_stmt **st, tekg_error *err);
/* Execute statements without results. */
int store_exec(tekg_store *s, const char *sql, tekg_error *err);
/* Bind a possibly-NULL text. */
int store_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Delete entities left without mention or edge. */
int store_gc_entities(tekg_store *s, tekg_error *err);

#endif
