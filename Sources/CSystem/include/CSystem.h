// The C library's GNU extensions that Glibc's Swift module leaves out (they need _GNU_SOURCE), reached through
// plain C rather than @_silgen_name, so their real prototypes are checked by the compiler.
#ifndef FORUMDESK_CSYSTEM_H
#define FORUMDESK_CSYSTEM_H

#include <stddef.h>

/// memmem(3): the first occurrence of needle in haystack, or NULL (glibc's two-way search with vector instructions).
const void *forumdesk_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// syncfs(2): commits the file system holding fd to disk; 0, or -1 with errno.
int forumdesk_syncfs(int fd);

#endif
