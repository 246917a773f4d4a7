/*
 * Runs a command as a child subreaper and reaps every descendant that is orphaned to it.
 * bwrap's outer process exits as soon as the sandbox's pid 1 reports its status, without
 * reaping it; the orphan would otherwise wait for the system init as a zombie, still counted
 * against the sandbox uid's RLIMIT_NPROC. Exits with the command's status (128 + signal).
 */
#include <errno.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) return 127;
  if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) perror("prctl");
  pid_t child = fork();
  if (child < 0) return 127;
  if (child == 0) {
    execv(argv[1], argv + 1);
    perror("execv");
    _exit(127);
  }
  int code = 127;
  for (;;) {
    int status;
    pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break; /* ECHILD: nothing left */
    }
    if (pid == child) code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  return code;
}
