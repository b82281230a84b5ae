// Outputs as jobs: every file the build writes (a page, a share card, a search file, an export, a
// copied image) is one job, made by the builder of its kind from the shared, read-only site and
// report, on any thread of the pool, and written through the sink. Adding a kind of output is
// adding a builder.
#ifndef DVK_RENDER_JOB_H_
#define DVK_RENDER_JOB_H_

#include <string>
#include <vector>

#include "write/sink.h"

namespace dvk {

class Builder;

struct Job {
  const Builder* builder = nullptr;
  int item = 0;      // what to make, in the builder's own terms (a unit, a model, …)
  std::string path;  // where it goes: '/'-separated, relative to the site root
  int year = 0;      // the year a page shows, for builders with a page per year (0 = period)
  int page = 1;      // which page of a long list split into pages
  // A digest of everything the output shows (read/stamp.h), when the build can tell: a job whose
  // key is the one its file was made with last time keeps that file and is not made. Empty: made.
  std::string key = {};
};

// What a thread keeps between jobs, so that buffers are reused.
struct Scratch {
  std::string out;
  std::string error;
};

class Builder {
 public:
  virtual ~Builder() = default;
  // What its outputs are, for messages: "trang", "tệp trong static/", ….
  virtual const char* Kind() const = 0;
  // Adds the jobs of this builder, in a fixed order.
  virtual void Plan(std::vector<Job>* jobs) const = 0;
  // Makes `job` and writes it through `sink`. Thread-safe. Returns false with scratch.error set.
  // REQUIRES: job.builder == this.
  virtual bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const = 0;
  // The part of the job's key that the input stamp leaves out: the write-up bodies it shows
  // (their WriteUp::body_digest). Only model pages and the printed compendium show bodies.
  virtual std::string BodyKey(const Job& /*job*/) const { return ""; }
};

}  // namespace dvk

#endif  // DVK_RENDER_JOB_H_
