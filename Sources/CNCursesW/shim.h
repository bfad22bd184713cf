#ifndef FORUMDESK_CNCURSESW_SHIM_H
#define FORUMDESK_CNCURSESW_SHIM_H

// The wide-character API (get_wch, mvadd_wch, cchar_t, setcchar) exists only with this defined,
// and pkg-config flags are not applied to a module map.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>

// Swift 6 strict concurrency rejects C globals, and macros do not import: small getters and wrappers.
static inline WINDOW *fd_stdscr(void) { return stdscr; }
static inline int fd_lines(void) { return LINES; }
static inline int fd_cols(void) { return COLS; }
static inline int fd_maxy(WINDOW *w) { return getmaxy(w); }
static inline int fd_maxx(WINDOW *w) { return getmaxx(w); }

static inline attr_t fd_a_normal(void) { return A_NORMAL; }
static inline attr_t fd_a_bold(void) { return A_BOLD; }
static inline attr_t fd_a_reverse(void) { return A_REVERSE; }
static inline attr_t fd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t fd_a_dim(void) { return A_DIM; }
static inline attr_t fd_color_pair(short n) { return COLOR_PAIR(n); }

static inline int fd_key_f(int n) { return KEY_F(n); }
static inline int fd_key_resize(void) { return KEY_RESIZE; }
static inline int fd_key_mouse(void) { return KEY_MOUSE; }
static inline int fd_key_max(void) { return KEY_MAX; }
static inline int fd_color_pairs(void) { return COLOR_PAIRS; }
/// Writes a control sequence through the same stream ncurses uses, so the order is kept.
static inline void fd_emit(const char *sequence) { fputs(sequence, stdout); fflush(stdout); }
static inline int fd_ok(void) { return OK; }
static inline int fd_err(void) { return ERR; }
static inline int fd_key_code_yes(void) { return KEY_CODE_YES; }

static inline mmask_t fd_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t fd_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t fd_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t fd_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t fd_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t fd_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}
static inline mmask_t fd_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

/// Puts one cell: a spacing character and up to four combining characters, with attributes and colour pair.
static inline int fd_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

/// newterm on the process's own terminal; NULL for an unknown TERM (initscr would exit instead).
static inline SCREEN *fd_newterm(const char *type) { return newterm(type, stdout, stdin); }
/// Whether the terminal can move the cursor anywhere (TERM=dumb cannot): without it there is no screen to draw.
static inline int fd_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

#endif
