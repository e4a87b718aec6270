/* version.h - `tekg --version`. */
#ifndef TEKG_CLI_VERSION_H
#define TEKG_CLI_VERSION_H
#include <stdio.h>
void cli_print_version(FILE *out);
#endif
