// What a build's outputs are made from, as digests, so that a job whose inputs did not change can
// keep its previous output instead of being made again (write/output.h, KeepUnchanged).
//
// The one rule: every input is in InputStamp except the bodies of write-ups, which only model
// pages and the printed compendium show; their builders add the WriteUp::body_digest of what they
// show to their jobs' keys (Builder::BodyKey). Editing the text of one write-up so remakes its
// model page and the compendium; any other change (a table, a catalogue, site.yaml, a photo, a
// theme file, a write-up's front matter, another dvk) remakes everything, as without the stamp.
#ifndef DVK_READ_STAMP_H_
#define DVK_READ_STAMP_H_

#include <map>
#include <string>
#include <vector>

#include "model/site.h"

namespace dvk {

// TreeFingerprints' lines of folders walked already, by their path relative to the site folder
// ("content/xa-an"): the reader walks each unit's folder for the read cache's key, and the stamp
// takes those lines instead of walking the folder again.
using FolderFingerprints = std::map<std::string, std::vector<std::string>>;

// A digest of the site folder's inputs (every file of site.yaml, data/, content/, static/ and
// themes/ by path, size and modification time, but the write-ups of models), of what the
// write-ups say outside their bodies, and of the running dvk. `site` is the site read from
// `site_dir` on disk; `walked`, folders of content/ whose files the reading fingerprinted.
std::string InputStamp(const std::string& site_dir, const Site& site,
                       const FolderFingerprints& walked = {});

// The fingerprint of one file, "size mtime" (symbolic links followed); "" when it cannot be read.
std::string FileFingerprint(const std::string& path);

// Appends "path TAB fingerprint" for every file under site_dir/top (or for top, a file), folder
// links followed as the reader follows them, paths relative to site_dir. False when the tree
// could not be walked to the end: a digest of part of the inputs would keep what changed.
bool TreeFingerprints(const std::string& site_dir, const std::string& top,
                      std::vector<std::string>* lines);

}  // namespace dvk

#endif  // DVK_READ_STAMP_H_
