// The output tree: a build is written aside and swapped in only when complete, so a failed or
// killed build leaves the previous output exactly as it was. dvk marks the folders it makes, lists
// in the marker every file it wrote, never writes into a non-empty folder it did not make, and
// never deletes a file it did not write: files someone added to an output folder by hand are
// carried into the next build.
#ifndef DVK_WRITE_OUTPUT_H_
#define DVK_WRITE_OUTPUT_H_

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "write/sink.h"

namespace dvk {

// The marker file dvk leaves in every output folder it makes: "dvk" on the first line, then every
// file of the folder that dvk wrote, one per line: its path, a tab, what it holds ("<size> <hash>"
// of the bytes written, or "<size> c<source mtime ns>" of a copied file). Paths alone (markers of
// older builds) are read too.
extern const char kOutputMarker[];

class OutputTree : public OutputSink {
 public:
  OutputTree();
  ~OutputTree() override;  // removes the staging folder when Commit was not reached
  OutputTree(const OutputTree&) = delete;
  OutputTree& operator=(const OutputTree&) = delete;

  // Starts looking at `dir` on a thread of its own, changing nothing: its marker, and its spare's
  // marker and files (with 12,000 files, about as long as reading the site from the read cache).
  // Begin takes what it found when the markers are still the ones it read. REQUIRES: set_reuse
  // and set_spare called before.
  void LookAhead(const std::string& dir);
  // Prepares a staging folder beside `dir` and removes what killed builds left there. Fails when
  // `dir` exists, is not empty and has no marker (*error says why).
  bool Begin(const std::string& dir, std::string* error);
  // Writes `bytes` at `rel`. Thread-safe. When the previous output has that file with the same
  // bytes, as its marker says, and it was not touched since, it is hard-linked instead: a rebuild
  // that changes nothing writes no file, and only what changed takes disk time.
  bool Write(const std::string& rel, std::string_view bytes, std::string* error) override;
  // Copies the file `source` to `rel`, or links the previous output's copy when the source has
  // the size and modification time it had then. Thread-safe.
  bool Copy(const std::string& rel, const std::string& source, std::string* error) override;
  // Keeps the previous output's `rel` when the job that made it had the same `key` (what it
  // shows) and the file was not touched since: the job need not run. False otherwise.
  bool KeepUnchanged(const std::string& rel, const std::string& key) override;
  void NoteKey(const std::string& rel, const std::string& key) override;
  // Whether files of the previous output may be linked (Begin turns it on; --no-cache off).
  void set_reuse(bool reuse) { reuse_ = reuse; }
  // Whether the output replaced by Commit is kept beside it as the spare (".<name>.dvk-spare")
  // and the next Begin builds in the spare instead of an empty folder: the folders are there, a
  // file the spare holds with the bytes the build makes is left alone, and only what differs is
  // written, linked or removed. A rebuild of 12,000 files then makes no folder and deletes no
  // tree. REQUIRES: called before Begin.
  void set_spare(bool spare) { use_spare_ = spare; }
  int files_written() const { return written_; }
  int files_kept() const { return kept_; }

  // Files of the previous output that dvk did not write (hand-added), '/'-separated.
  struct CarryOver {
    std::vector<std::string> carried;    // put into the new build as they are
    std::vector<std::string> conflicts;  // the new build wrote a file at that path: not carried
  };
  // Carries the hand-added files of the previous output into the staging folder. REQUIRES: every
  // Write and Copy is done. Returns false with *error when one cannot be carried.
  bool CarryHandAddedFiles(CarryOver* result, std::string* error);

  // Writes the marker with the list of files, swaps the staging folder in place of `dir`
  // atomically, and removes the previous output: in a background process when `background` (so
  // no build waits for it; a removal cut short is finished by the next build), else before
  // returning.
  bool Commit(std::string* error, bool background = false);
  const std::string& staging() const { return staging_; }

 public:
  // What a marker says of its folder.
  struct Manifest {
    std::unordered_set<std::string> files;              // the files dvk wrote
    std::unordered_map<std::string, std::string> what;  // file → what it holds
    std::unordered_map<std::string, std::string> keys;  // file → the key of the job that made it
    std::unordered_set<std::string> hand;               // hand-added files carried into it
    bool hand_listed = false;  // whether `hand` is all of them (a newer marker)
  };

 private:
  struct Survey;
  // Opens dir_ (when it has a marker) and staging_ as dir_fd_ and staging_fd_; false with
  // *error when the staging folder cannot be opened.
  bool OpenFolders(std::string* error);
  bool MakeParents(const std::string& rel, std::string* error);
  // Links the previous output's `rel` into the staging folder when its marker line says `what`
  // and the file was not changed after the marker was written.
  bool Keep(const std::string& rel, const std::string& what);
  // Whether the staging folder, built in the spare, already holds `rel` as `what`, untouched
  // since the spare's marker was written.
  bool Staged(const std::string& rel, const std::string& what);
  // Removes what the staging folder's file at `rel` is (when built in the spare) so a new file
  // can be made there: never written through, since the spare shares files with the output.
  void Clear(const std::string& rel);
  // Removes from a staging folder built in the spare every file this build did not write or
  // carry, then the folders left empty.
  bool RemoveStale(std::string* error);
  void Record(const std::string& rel, std::string what, bool kept);

  std::string dir_;
  std::string staging_;
  std::string spare_;
  // The previous output and the staging folder, open: a file in them is looked at, linked or
  // made by its path from there, not from the root of the disk (tens of thousands of calls).
  int dir_fd_ = -1;
  int staging_fd_ = -1;
  bool use_spare_ = false;
  bool from_spare_ = false;  // the staging folder is the spare, claimed by Begin
  std::unordered_map<std::string, std::string> staged_what_;  // the spare's files → what
  long long staged_marker_ns_ = 0;                            // when the spare's marker was written
  std::unordered_set<std::string> staged_extra_;  // the spare's other files (hand-added)
  std::unordered_set<std::string> carried_;       // hand-added files carried in
  bool committed_ = false;
  bool had_manifest_ = false;
  Manifest previous_;             // what the previous output's marker says
  long long marker_time_ns_ = 0;  // when the previous marker was written
  bool reuse_ = true;
  std::mutex mu_;
  std::unordered_set<std::string> dirs_;                // folders made in the staging folder
  std::unordered_map<std::string, std::string> files_;  // files written in staging → what
  std::unordered_map<std::string, std::string> keys_;   // files made by a job with a key → key
  int written_ = 0, kept_ = 0;
  std::thread look_;                // LookAhead's thread, joined by Begin or the destructor
  std::unique_ptr<Survey> survey_;  // what it found
};

}  // namespace dvk

#endif  // DVK_WRITE_OUTPUT_H_
