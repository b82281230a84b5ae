#include "serve.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "render/format.h"
#include "render/html.h"
#include "site.h"
#include "watch.h"
#include "write/sink.h"

namespace dvk {
namespace {

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

using Files = MemorySink::Files;
using Keys = MemorySink::Keys;

// What is served: the last good build, and the errors of the last build when it failed.
class State {
 public:
  void Published(std::shared_ptr<const Files> files, std::shared_ptr<const Keys> keys) {
    std::lock_guard<std::mutex> lock(mu_);
    files_ = std::move(files);
    keys_ = std::move(keys);
    errors_.clear();
    ++generation_;
    cv_.notify_all();
  }
  void Failed(std::vector<std::string> errors) {
    std::lock_guard<std::mutex> lock(mu_);
    errors_ = std::move(errors);
    ++generation_;
    cv_.notify_all();
  }
  void Stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    cv_.notify_all();
  }
  std::shared_ptr<const Files> files() const {
    std::lock_guard<std::mutex> lock(mu_);
    return files_;
  }
  // The keys of the jobs that made files() (path → key): the next build keeps what they show.
  std::shared_ptr<const Keys> keys() const {
    std::lock_guard<std::mutex> lock(mu_);
    return keys_;
  }
  // Waits up to `wait` for a build after `seen`; returns the generation now and the errors.
  long Wait(long seen, std::chrono::milliseconds wait, std::vector<std::string>* errors,
            bool* stopping) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, wait, [&] { return generation_ != seen || stopping_; });
    *errors = errors_;
    *stopping = stopping_;
    return generation_;
  }
  nlohmann::json Status() const {
    std::lock_guard<std::mutex> lock(mu_);
    return {{"generation", generation_}, {"ok", errors_.empty()}, {"errors", errors_}};
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::shared_ptr<const Files> files_;
  std::shared_ptr<const Keys> keys_;
  std::vector<std::string> errors_;
  long generation_ = 0;
  bool stopping_ = false;
};

// One build in memory; publishes it or the errors that stopped it. `memo` keeps the units read
// from one build to the next.
void BuildOnce(const ServeOptions& options, State& state, UnitReadMemo& memo) {
  auto start = std::chrono::steady_clock::now();
  BuildOptions build;
  build.site_dir = options.site_dir;
  build.jobs = options.jobs;
  build.cache_dir = options.site_dir + "/.dvk-cache";
  build.unit_memo = &memo;
  Diagnostics diags;
  DiskFileSystem disk;
  Loaded loaded;
  MemorySink sink(&disk);
  sink.SetPrevious(state.files(), state.keys());
  BuildStats stats;
  bool ok = Load(disk, build, diags, &loaded) == kBuilt &&
            Build(disk, build, loaded, sink, diags, &stats);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int errors = diags.Count(Severity::kError), warnings = diags.Count(Severity::kWarning);
  if (ok) {
    state.Published(std::make_shared<const Files>(sink.TakeFiles()),
                    std::make_shared<const Keys>(sink.TakeKeys()));
    std::printf("Đã tạo trang: %s trang, %s lỗi, %s cảnh báo; %s giây.\n",
                FormatInt(stats.pages).c_str(), FormatInt(errors).c_str(),
                FormatInt(warnings).c_str(), FormatDecimal(seconds, 2).c_str());
  } else {
    std::vector<std::string> lines;
    for (const Diagnostic& d : diags.Sorted())
      if (d.severity == Severity::kError) lines.push_back(FormatDiagnostic(d));
    if (lines.empty()) lines.push_back("Không tạo được trang (không rõ lỗi).");
    std::printf("Không tạo được trang: %s lỗi; vẫn phục vụ bản trước.\n",
                FormatInt(errors).c_str());
    for (size_t i = 0; i < lines.size() && i < 10; ++i) std::printf("  %s\n", lines[i].c_str());
    state.Failed(std::move(lines));
  }
  std::fflush(stdout);
}

std::string ExtensionOf(const std::string& path) {
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return "";
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

const char kReloadScript[] =
    R"(/* dvk serve: reloads the page after each build, shows a failed build's errors. */
(function () {
  'use strict';
  if (!window.EventSource) return;
  var events = new EventSource('/__dvk/su-kien');
  events.addEventListener('tai-lai', function () { location.reload(); });
  events.addEventListener('loi', function (e) {
    var lines = JSON.parse(e.data);
    var box = document.getElementById('dvk-loi') || document.createElement('div');
    box.id = 'dvk-loi';
    box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;top:0;left:0;right:0;bottom:0;z-index:2147483647;' +
      'overflow:auto;background:rgba(22,25,29,.94);color:#fff;padding:1.5rem;' +
      'font:15px/1.5 "Noto Sans",system-ui,sans-serif';
    box.textContent = '';
    var h = document.createElement('h2');
    h.textContent = 'Lần tạo trang mới nhất bị lỗi – đang hiện bản trước';
    var p = document.createElement('p');
    p.textContent = 'Sửa các lỗi dưới đây rồi lưu tệp: trang tự tải lại khi tạo xong.';
    var pre = document.createElement('pre');
    pre.style.whiteSpace = 'pre-wrap';
    pre.textContent = lines.join('\n');
    box.appendChild(h);
    box.appendChild(p);
    box.appendChild(pre);
    if (!box.parentNode) document.body.appendChild(box);
  });
})();
)";

std::string InjectReload(const std::string& html) {
  static const std::string kTag = "<script src=\"/__dvk/tai-lai.js\"></script>";
  size_t at = html.rfind("</body>");
  if (at == std::string::npos) return html + kTag;
  return html.substr(0, at) + kTag + html.substr(at);
}

}  // namespace

std::string ContentTypeOf(const std::string& path) {
  static const std::map<std::string, std::string> kTypes = {
      {"html", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"json", "application/json; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"},
      {"xml", "application/xml; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"pdf", "application/pdf"},
      {"doc", "application/msword"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xls", "application/vnd.ms-excel"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"ppt", "application/vnd.ms-powerpoint"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"odt", "application/vnd.oasis.opendocument.text"},
      {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {"odp", "application/vnd.oasis.opendocument.presentation"},
  };
  if (path.size() >= 9 && path.compare(path.size() - 9, 9, "/atom.xml") == 0)
    return "application/atom+xml; charset=utf-8";
  auto it = kTypes.find(ExtensionOf(path));
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

int ServeSite(const ServeOptions& options) {
  Diagnostics check;
  if (CheckCommandLine(options.site_dir, "", check) != kBuilt) {
    for (const Diagnostic& d : check.all())
      std::fprintf(stderr, "%s\n", FormatDiagnostic(d).c_str());
    return kBadCommandLine;
  }
  httplib::Server server;
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which lets a second server share
  // the port instead of refusing it.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<void*>(&yes), sizeof(yes));
  });
  // Every open page holds one connection for its events, and browsers keep others alive: more
  // workers than httplib's eight, and idle connections let go soon.
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  server.set_keep_alive_timeout(2);
  if (!server.bind_to_port("127.0.0.1", options.port)) {
    std::fprintf(stderr,
                 "Lỗi: không mở được cổng %d trên 127.0.0.1 (có thể một chương trình khác, hay "
                 "một dvk serve khác, đang dùng cổng này).\nChọn cổng khác, ví dụ: dvk serve "
                 "--port %d\n",
                 options.port, options.port == 8080 ? 8081 : 8080);
    return kBadCommandLine;
  }
  State state;
  // Watching from before the first build: an edit made while it runs makes the next.
  SiteWatcher watcher(options.site_dir);
  UnitReadMemo memo;
  std::printf("Đang tạo trang từ %s …\n", options.site_dir.c_str());
  std::fflush(stdout);
  BuildOnce(options, state, memo);

  server.Get("/__dvk/tai-lai.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kReloadScript, "text/javascript; charset=utf-8");
    res.set_header("Cache-Control", "no-store");
  });
  server.Get("/__dvk/trang-thai", [&state](const httplib::Request&, httplib::Response& res) {
    res.set_content(state.Status().dump(), "application/json; charset=utf-8");
    res.set_header("Cache-Control", "no-store");
  });
  server.Get("/__dvk/su-kien", [&state](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    auto seen = std::make_shared<long>(-1);
    res.set_chunked_content_provider(
        "text/event-stream", [&state, seen](size_t, httplib::DataSink& sink) {
          std::vector<std::string> errors;
          bool stopping = false;
          if (*seen < 0) {
            // Connected: a failed build is shown at once; then wait for the next one.
            *seen = state.Wait(-2, std::chrono::milliseconds(0), &errors, &stopping);
            std::string hello = errors.empty()
                                    ? ": ket-noi\n\n"
                                    : "event: loi\ndata: " + nlohmann::json(errors).dump() + "\n\n";
            return sink.write(hello.data(), hello.size());
          }
          long now = state.Wait(*seen, std::chrono::seconds(15), &errors, &stopping);
          if (stopping || g_stop) return false;
          std::string event;
          if (now == *seen) {
            event = ": cho\n\n";  // keeps the connection open
          } else if (errors.empty()) {
            event = "event: tai-lai\ndata: " + std::to_string(now) + "\n\n";
          } else {
            event = "event: loi\ndata: " + nlohmann::json(errors).dump() + "\n\n";
          }
          *seen = now;
          return sink.write(event.data(), event.size());
        });
  });
  server.Get(".*", [&state](const httplib::Request& req, httplib::Response& res) {
    std::shared_ptr<const Files> files = state.files();
    res.set_header("Cache-Control", "no-store");
    if (!files) {
      nlohmann::json status = state.Status();
      std::string page =
          "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Chưa tạo được "
          "trang</title><body><h1>Chưa tạo được trang</h1><pre>";
      for (const auto& line : status["errors"]) page += EscapeHtml(line.get<std::string>()) + "\n";
      page += "</pre></body></html>";
      res.status = 503;
      res.set_content(InjectReload(page), "text/html; charset=utf-8");
      return;
    }
    std::string path = req.path.empty() ? "" : req.path.substr(1);
    if (path.empty() || path.back() == '/') path += "index.html";
    auto it = files->find(path);
    if (it == files->end() && files->count(path + "/index.html")) {
      res.set_redirect(req.path + "/");
      return;
    }
    if (it == files->end()) {
      res.status = 404;
      auto nf = files->find("404.html");
      std::string body =
          nf == files->end() ? "<!doctype html><p>Không tìm thấy trang.</p>" : *nf->second;
      res.set_content(InjectReload(body), "text/html; charset=utf-8");
      return;
    }
    std::string type = ContentTypeOf(path);
    if (type.compare(0, 9, "text/html") == 0)
      res.set_content(InjectReload(*it->second), type.c_str());
    else
      res.set_content(*it->second, type.c_str());
  });

  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::thread listener([&server] { server.listen_after_bind(); });
  std::printf(
      "Xem trang tại http://127.0.0.1:%d/ — sửa tệp trong %s thì trang tự tạo lại và tải "
      "lại. Nhấn Ctrl+C để dừng.\n",
      options.port, options.site_dir.c_str());
  std::fflush(stdout);

  while (watcher.WaitForChange([] { return g_stop.load(); })) {
    std::printf("Có thay đổi, đang tạo lại …\n");
    std::fflush(stdout);
    BuildOnce(options, state, memo);
  }
  state.Stop();
  server.stop();
  listener.join();
  std::printf("Đã dừng.\n");
  return kBuilt;
}

}  // namespace dvk
