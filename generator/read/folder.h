// The files one content folder publishes (content/<unit>/ or content/pages/): the images and
// documents its write-ups name, each confined to the folder (real paths, symlinks followed), of a
// type a page may carry, and published under a safe unique name.
#ifndef DVK_READ_FOLDER_H_
#define DVK_READ_FOLDER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/site.h"
#include "read/markdown.h"
#include "read/url.h"

namespace dvk {

class FolderFiles {
 public:
  // `folder` is the folder's path on disk; files are published under anh/<name>/ (images) and
  // tep/<name>/ (documents); diagnostics go to diags with `unit` ("" for content/pages/).
  FolderFiles(const FileSystem& fs, const std::string& folder, const std::string& name,
              const std::string& unit, Diagnostics& diags);

  // Resolves `src`, named at `line` of `file`: an image (image = true) or a document a link points
  // to. nullopt after a diagnostic when it is refused or missing.
  std::optional<Image> Resolve(const std::string& file, int line, const std::string& src,
                               bool image);
  // Renders a Markdown body of `file`: every image and local link resolved in the folder, its
  // headings from <h{top_heading}> down. *images (when given) gets the published path of every
  // picture the body shows.
  std::string RenderBody(const FrontMatterSplit& split, const std::string& file, int top_heading,
                         std::vector<std::string>* images = nullptr);
  // Every file published so far, once each, in the order first named.
  const std::vector<Image>& files() const { return files_; }

 private:
  std::optional<Image> Resolve(const std::string& file, int line, const std::string& src,
                               const UrlVerdict& v, bool image);
  std::string PublishedName(const std::string& prefix, const std::string& rel,
                            const std::string& source);
  void Add(Code code, const std::string& file, int line, const std::string& text,
           std::initializer_list<std::string> args);

  const FileSystem& fs_;
  std::string folder_, name_, unit_;
  Diagnostics& diags_;
  std::optional<std::string> real_folder_;  // resolved once
  bool real_folder_known_ = false;
  std::map<std::string, std::string> published_;                  // published url → source
  std::map<std::string, std::optional<std::string>> real_paths_;  // path → RealPath, once each
  std::map<std::string, bool> is_file_;                           // real path → IsFile, once each
  std::vector<Image> files_;
};

}  // namespace dvk

#endif  // DVK_READ_FOLDER_H_
