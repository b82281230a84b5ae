#include "model/site.h"

#include <set>

namespace dvk {

std::vector<int> Site::Years() const {
  std::set<int> years;
  for (const Model& m : models)
    for (const ModelYear& y : m.years) years.insert(y.year);
  for (const Result& r : results) years.insert(r.year);
  return std::vector<int>(years.begin(), years.end());
}

}  // namespace dvk
