/* outdir.h - the output folder of a run. */
#ifndef VP_OUTDIR_H
#define VP_OUTDIR_H

#include <stddef.h>

/* mkdir -p: returns 0, or -1 with errno set. */
int vp_mkdirs(const char *path);

/* Takes OUTDIR/.vnplan.lock, held until the fd is closed or the process ends: one run
 * writes into a folder at a time.  Returns the fd; -2 when the file system has no locks
 * (the run may go on, unlocked); -1 with a one-line reason in err (another run holds it,
 * or the folder cannot be written). */
int vp_outdir_lock(const char *outdir, char *err, size_t errlen);

/* Removes the temporary files an interrupted run left in the output tree,
 * FILE.{xml,txt,html}.tmp.PID as vp_write_atomic names them (symbolic links are not
 * followed).  Only while holding the lock.  Returns how many were removed. */
size_t vp_outdir_remove_stale(const char *outdir);

#endif
