#!/bin/sh
# Turn an SQL file into a C string literal named $2 (build step for the
# store's schema: the .sql file stays the one source of truth).
echo "/* generated from $1 by tools/sql2c.sh: do not edit */"
echo "static const char $2[] ="
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$/\\n"/' "$1"
echo ";"
