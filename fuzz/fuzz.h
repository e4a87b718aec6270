/*
 * fuzz.h - what every harness in fuzz/ shares: the libFuzzer entry points
 * (declared here so the gcc-built replay driver links the same functions)
 * and a check that aborts on a broken invariant, so both libFuzzer and the
 * replay driver report it as a crash.
 */
#ifndef TEKG_FUZZ_H
#define TEKG_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A property the code under test promises; abort() with the place when it
 * does not hold (bad input must give an error code, never a broken result). */
#define FUZZ_CHECK(cond)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #cond);                              \
			abort();                                               \
		}                                                              \
	} while (0)

#endif
