/* nodec/tty.h - terminals as streams, and what kind of file a descriptor is. */
#ifndef NODEC_TTY_H
#define NODEC_TTY_H

#include <termios.h>

#include "stream.h"

typedef struct nd_tty_s nd_tty_t;

typedef enum {
  ND_TTY_MODE_NORMAL = 0, /* as the terminal was: line editing, echo */
  ND_TTY_MODE_RAW,        /* keys one by one, no echo; \n still ends lines */
  ND_TTY_MODE_IO          /* cfmakeraw(3): binary-safe both ways */
} nd_tty_mode_t;

typedef enum {
  ND_TTY_SUPPORTED,       /* Windows' notion; Unix terminals have no state */
  ND_TTY_UNSUPPORTED
} nd_tty_vtermstate_t;

struct nd_tty_s {
  ND_HANDLE_FIELDS
  ND_STREAM_FIELDS
  /* private */
  struct termios orig_termios;  /* as found when it left normal mode */
  int mode;                     /* nd_tty_mode_t in force */
  int user_fd;                  /* the descriptor given to nd_tty_init */
};

ND_EXTERN int nd_tty_init(nd_loop_t *loop, nd_tty_t *handle, nd_file fd,
                          int unused);
ND_EXTERN int nd_tty_set_mode(nd_tty_t *handle, nd_tty_mode_t mode);
ND_EXTERN int nd_tty_reset_mode(void);
ND_EXTERN int nd_tty_get_winsize(nd_tty_t *handle, int *width, int *height);
ND_EXTERN void nd_tty_set_vterm_state(nd_tty_vtermstate_t state);
ND_EXTERN int nd_tty_get_vterm_state(nd_tty_vtermstate_t *state);

/* What kind of file fd is: ND_TTY, ND_NAMED_PIPE, ND_TCP, ND_UDP, ND_FILE. */
ND_EXTERN nd_handle_type nd_guess_handle(nd_file fd);

#endif
