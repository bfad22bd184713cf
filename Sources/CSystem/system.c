#define _GNU_SOURCE
#include <string.h>
#include <unistd.h>
#include "CSystem.h"

const void *forumdesk_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

int forumdesk_syncfs(int fd) {
    return syncfs(fd);
}
