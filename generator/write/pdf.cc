#include "write/pdf.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

extern char** environ;

namespace dvk {

std::string FindWeasyPrint() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t colon = dirs.find(':', start);
    std::string dir = dirs.substr(start, colon == std::string::npos ? colon : colon - start);
    std::string candidate = (dir.empty() ? "." : dir) + "/weasyprint";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return "";
}

namespace {

// The terminal line while WeasyPrint works: its stage and the page it lays out.
class Ticker {
 public:
  Ticker() : on_(isatty(fileno(stdout)) && !std::getenv("DVK_NO_PROGRESS")) {}
  ~Ticker() {
    if (on_ && drawn_) std::fputc('\n', stdout);
  }
  void Show(const std::string& what) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    drawn_ = true;
    int seconds = static_cast<int>(std::chrono::duration<double>(now - start_).count());
    std::printf("\rDựng PDF    %s · %d giây\033[K", what.c_str(), seconds);
    std::fflush(stdout);
  }

 private:
  bool on_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_;
};

}  // namespace

bool RenderPdf(const std::string& weasyprint, const std::string& html, const std::string& pdf,
               PdfRun* run) {
  *run = PdfRun();
  auto start = std::chrono::steady_clock::now();
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    run->problems = std::strerror(errno);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  // -v: one line per stage and per page laid out, read below for the progress line.
  std::vector<std::string> args = {weasyprint, "-v", "--presentational-hints", html, pdf};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, weasyprint.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    run->problems = weasyprint + ": " + std::strerror(spawned);
    return false;
  }
  {
    Ticker ticker;
    ticker.Show("đọc tài liệu");
    std::string pending;
    char buffer[4096];
    ssize_t n;
    auto line_done = [&](const std::string& line) {
      const std::string kPage = "Creating layout - Page ";
      size_t at = line.find(kPage);
      if (at != std::string::npos) {
        run->pages = std::atoi(line.c_str() + at + kPage.size());
        ticker.Show("dàn trang " + std::to_string(run->pages));
      } else if (line.find("INFO: Step 6") != std::string::npos) {
        ticker.Show("ghi tệp PDF, " + std::to_string(run->pages) + " trang");
      } else if (line.rfind("INFO:", 0) != 0 && !line.empty()) {
        run->problems += line + "\n";
      }
    };
    while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
      if (n <= 0) continue;
      pending.append(buffer, static_cast<size_t>(n));
      for (size_t nl; (nl = pending.find('\n')) != std::string::npos;) {
        line_done(pending.substr(0, nl));
        pending.erase(0, nl + 1);
      }
    }
    line_done(pending);
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  struct stat st;
  bool wrote = ::stat(pdf.c_str(), &st) == 0 && st.st_size > 0;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && wrote) return true;
  if (run->problems.empty())
    run->problems = "WeasyPrint dừng với mã " +
                    std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "\n";
  return false;
}

}  // namespace dvk
