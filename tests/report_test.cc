// Tests of compute/report.h on the fixture site tests/fixtures/small, every expected figure worked
// out by hand from the fixture's files (SPEC section 4).
//
// The fixture, in short (year 2026 unless said):
//   units     tinh (Ủy ban MTTQ) ── xa-an (Ủy ban MTTQ) ── nd-an (Hội Nông dân), pn-an (Hội LHPN)
//                                └─ xa-binh (Ủy ban MTTQ) ── dtn-binh (Đoàn Thanh niên)
//   indicators 0 ke-hoach yesno; 1 giam-sat count ≥ 2; 2 bao-cao-nam deadline 25/11;
//              3 dang-ky models ≥ 1; 4 de-nghi recognized ≥ 1; 5 phan-bien count ≥ 3, only for
//              kind "Ủy ban MTTQ" (so 6 indicators apply to tinh, xa-an, xa-binh and 5 to the rest)
//   criteria  TC1 max 40 pass 20; TC2 max 30 pass 15; TC3 max 30 pass 15
//   ratings   90 Xuất sắc, 75 Tốt, 60 Khá, 50 Đạt, 0 Chưa đạt
//   models    unit      name                 field    TC1/TC2/TC3   people funds        notes
//             tinh      Vườn cây mẫu 2025    kinh-te  30/20/20=70   100    300 triệu    mới,
//             launched tinh      Vườn cây mẫu 2026    kinh-te  40/25/25=90   120    335,5 triệu duy
//             trì, tỉnh, typical xa-an     Dân giàu làng vui    kinh-te  40/30/10=80   1.250  1,5
//             tỷ       typical, TC3 < 15 xa-an     Ánh sáng đường quê   van-hoa  30/24,5/20=74,5 45
//             12.000.000 nd-an     Đường làng xanh      kinh-te  35/25/20=80   80     200 triệu duy
//             trì, no 2025, xã nd-an     Cánh đồng lớn        kinh-te  20/20/20=60   30     — pn-an
//             Em đến trường        kinh-te  30/25/25=80   25     5 000 000    mới, no launch date
//             pn-an     Bếp ăn yêu thương    van-hoa  34,5/20/20=74,5  40  50 triệu
//             dtn-binh  Bình yên xóm nhỏ     an-ninh  30/20/—       60     —            typical
//   results   tinh     ke-hoach có, giam-sat 3, bao-cao-nam 25/11/2026, phan-bien 3 (+ 2025
//   ke-hoach có)
//             xa-an    ke-hoach x, giam-sat 1, bao-cao-nam 28/11/2026, phan-bien empty
//             nd-an    ke-hoach không, giam-sat 2, bao-cao-nam 20/11/2026
//             pn-an    ke-hoach Có, bao-cao-nam ngày 24 tháng 11 năm 2026
//             dtn-binh ke-hoach 1, giam-sat 4
//             xa-binh  sent nothing
#include "compute/report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "read/site_reader.h"
#include "test_util.h"

namespace dvk {
namespace {

class ReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    DiskFileSystem fs;
    Diagnostics read_diags;
    bool fatal = true;
    site_ = new Site(ReadSite(fs, kFixture, read_diags, &fatal));
    ASSERT_FALSE(fatal);
    diags_ = new Diagnostics;
    report_ = new Report(ComputeReport(*site_, *diags_));
  }
  static void TearDownTestSuite() {
    delete report_;
    delete diags_;
    delete site_;
    report_ = nullptr;
    diags_ = nullptr;
    site_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(site_, nullptr);
    ASSERT_NE(report_, nullptr);
  }

  static int U(const std::string& id) { return site_->UnitIndex(id); }
  static int I(const std::string& id) {
    for (size_t i = 0; i < site_->indicators.size(); ++i)
      if (site_->indicators[i].id == id) return static_cast<int>(i);
    ADD_FAILURE() << "no indicator " << id;
    return -1;
  }
  static int F(const std::string& id) {
    for (size_t i = 0; i < site_->fields.size(); ++i)
      if (site_->fields[i].id == id) return static_cast<int>(i);
    ADD_FAILURE() << "no field " << id;
    return -1;
  }
  static ModelRef Ref(const std::string& id, int year) {
    for (size_t m = 0; m < site_->models.size(); ++m) {
      if (site_->models[m].id != id) continue;
      for (size_t y = 0; y < site_->models[m].years.size(); ++y)
        if (site_->models[m].years[y].year == year)
          return ModelRef{static_cast<int>(m), static_cast<int>(y)};
    }
    ADD_FAILURE() << "no model " << id << " in " << year;
    return ModelRef{};
  }
  static std::string ModelId(ModelRef r) { return r.model >= 0 ? site_->models[r.model].id : "?"; }
  static std::string UnitId(int u) { return u >= 0 ? site_->units[u].id : "?"; }
  static const YearReport& Year(int year) {
    const YearReport* y = report_->ForYear(year);
    EXPECT_NE(y, nullptr) << year;
    return y ? *y : report_->by_year.front();
  }
  // "rank:id" per ranked model or unit, to compare whole rankings at once.
  static std::vector<std::string> Show(const std::vector<RankedModel>& ranked) {
    std::vector<std::string> out;
    for (const RankedModel& r : ranked)
      out.push_back(std::to_string(r.rank) + ":" + ModelId(r.ref));
    return out;
  }
  static std::vector<std::string> Show(const std::vector<RankedUnit>& ranked) {
    std::vector<std::string> out;
    for (const RankedUnit& r : ranked) {
      char value[32];
      std::snprintf(value, sizeof value, "%g", r.value);
      out.push_back(std::to_string(r.rank) + ":" + UnitId(r.unit) + "=" + value);
    }
    return out;
  }
  static std::vector<std::string> Show(const std::vector<ModelRef>& refs) {
    std::vector<std::string> out;
    for (const ModelRef& r : refs) out.push_back(ModelId(r));
    return out;
  }
  static std::vector<std::string> Units(const std::vector<int>& units) {
    std::vector<std::string> out;
    for (int u : units) out.push_back(UnitId(u));
    return out;
  }

  static Site* site_;
  static Diagnostics* diags_;
  static Report* report_;
};

Site* ReportTest::site_ = nullptr;
Diagnostics* ReportTest::diags_ = nullptr;
Report* ReportTest::report_ = nullptr;

// Kinds are folded to one spelling by the reader (ReadSiteTest.AppliesToMatchesKindsAfterFolding);
// compute compares them exactly.

TEST_F(ReportTest, Years) {
  EXPECT_EQ(report_->years, (std::vector<int>{2025, 2026}));
  ASSERT_EQ(report_->by_year.size(), 2u);
  EXPECT_EQ(report_->by_year[0].year, 2025);
  EXPECT_EQ(report_->by_year[1].year, 2026);
  EXPECT_EQ(report_->ForYear(2024), nullptr);
}

TEST_F(ReportTest, ScoresAndBands) {
  struct Case {
    const char* id;
    int year;
    bool complete;
    double total;
    int band;
    int failed;
  };
  const Case kCases[] = {
      {"tinh-vuon-cay-mau", 2025, true, 70, 2, -1},  // 30+20+20; 60 ≤ 70 < 75 → Khá
      {"tinh-vuon-cay-mau", 2026, true, 90, 0, -1},  // 40+25+25 = 90, on the bound → Xuất sắc
      {"xa-an-dan-giau", 2026, true, 80, 1, 2},      // 40+30+10 → Tốt; TC3 10 < pass 15
      {"xa-an-anh-sang", 2026, true, 74.5, 2, -1},   // 30+24,5+20 = 74,5 < 75 → Khá
      {"nd-an-duong-lang", 2026, true, 80, 1, -1},   // 35+25+20 → Tốt
      {"nd-an-canh-dong", 2026, true, 60, 2, -1},    // 20+20+20 = 60, on the bound → Khá
      {"pn-an-em-den-truong", 2026, true, 80, 1, -1},  // 30+25+25 → Tốt
      {"bep-an-yeu-thuong", 2026, true, 74.5, 2, -1},  // 34,5+20+20 → Khá
      {"dtn-binh-binh-yen", 2026, false, 50, -1, -1},  // TC3 empty: 30+20 scored, not rated
  };
  for (const Case& c : kCases) {
    std::string name = std::string(c.id) + " " + std::to_string(c.year);
    SCOPED_TRACE(name);
    const Score& s = report_->ScoreOf(Ref(c.id, c.year));
    EXPECT_EQ(s.complete, c.complete) << name;
    EXPECT_DOUBLE_EQ(s.total, c.total) << name;
    EXPECT_EQ(s.band, c.band) << name;
    EXPECT_EQ(s.failed, c.failed) << name;
  }
}

TEST(ScoreModelTest, BandsAndMissingCriteria) {
  const std::vector<Criterion> criteria = {{"TC1", "a", 50, 25}, {"TC2", "b", 50, 25}};
  const std::vector<RatingBand> ratings = {
      {90, "Xuất sắc"}, {75, "Tốt"}, {60, "Khá"}, {50, "Đạt"}, {0, "Chưa đạt"}};
  struct Case {
    const char* name;
    std::vector<std::optional<double>> points;
    bool complete;
    double total;
    int band;
    int failed;
  };
  const Case kCases[] = {
      {"full marks", {50, 50}, true, 100, 0, -1},
      {"just under Xuất sắc", {45, 44.9}, true, 89.9, 1, -1},
      {"Đạt on its bound", {25, 25}, true, 50, 3, -1},
      {"Chưa đạt", {24.5, 25}, true, 49.5, 4, 0},
      {"zero", {0, 0}, true, 0, 4, 0},
      {"second criterion fails", {50, 10}, true, 60, 2, 1},
      {"one missing", {50, std::nullopt}, false, 50, -1, -1},
      {"row shorter than the criteria", {50}, false, 50, -1, -1},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    ModelYear m;
    m.points = c.points;
    Score s = ScoreModel(m, criteria, ratings);
    EXPECT_EQ(s.complete, c.complete) << c.name;
    EXPECT_DOUBLE_EQ(s.total, c.total) << c.name;
    EXPECT_EQ(s.band, c.band) << c.name;
    EXPECT_EQ(s.failed, c.failed) << c.name;
  }
  // Without criteria nothing can be evaluated.
  EXPECT_FALSE(ScoreModel(ModelYear{}, {}, ratings).complete);
}

TEST(EvaluateTest, OneIndicator) {
  Indicator deadline;
  deadline.type = IndicatorType::kDeadline;
  deadline.deadline_day = 25;
  deadline.deadline_month = 11;
  Indicator count;
  count.type = IndicatorType::kCount;
  count.target = 2;
  Indicator yesno;
  yesno.type = IndicatorType::kYesNo;
  Indicator models;
  models.type = IndicatorType::kModels;
  models.target = 1;
  Indicator recognized;
  recognized.type = IndicatorType::kRecognized;
  recognized.target = 1;
  Indicator zero;  // a target of 0: any count reaches it
  zero.type = IndicatorType::kCount;
  zero.target = 0;
  Indicator leap;
  leap.type = IndicatorType::kDeadline;
  leap.deadline_day = 29;
  leap.deadline_month = 2;

  auto dated = [](int y, int m, int d) {
    Result r;
    r.date = Date{y, m, d};
    return r;
  };
  auto number = [](double v) {
    Result r;
    r.number = v;
    return r;
  };
  auto yes = [](bool v) {
    Result r;
    r.yes = v;
    return r;
  };
  const Result on_day = dated(2026, 11, 25), late = dated(2026, 11, 28), early = dated(2026, 1, 5),
               one = number(1), two = number(2), five = number(5), no = yes(false), ok = yes(true),
               no_value, feb28 = dated(2027, 2, 28), mar1 = dated(2027, 3, 1), none = number(0);
  struct Case {
    const char* name;
    const Indicator* ind;
    int year;
    const Result* result;
    int own_models, own_recognized;
    Status status;
    std::optional<double> value;
    double percent;
    int days_late;
  };
  const Case kCases[] = {
      {"deadline met on the day", &deadline, 2026, &on_day, 0, 0, Status::kMet, std::nullopt, 100,
       0},
      {"deadline 3 days late", &deadline, 2026, &late, 0, 0, Status::kNotMet, std::nullopt, 0, 3},
      {"deadline early", &deadline, 2026, &early, 0, 0, Status::kMet, std::nullopt, 100, 0},
      // 29/02 in a common year is the last day of February.
      {"29/02 deadline, common year, 28/02", &leap, 2027, &feb28, 0, 0, Status::kMet, std::nullopt,
       100, 0},
      {"29/02 deadline, common year, 01/03", &leap, 2027, &mar1, 0, 0, Status::kNotMet,
       std::nullopt, 0, 1},
      {"deadline not reported", &deadline, 2026, nullptr, 0, 0, Status::kNotReported, std::nullopt,
       0, 0},
      {"deadline row without a date", &deadline, 2026, &no_value, 0, 0, Status::kNotReported,
       std::nullopt, 0, 0},
      {"count under target", &count, 2026, &one, 0, 0, Status::kNotMet, 1, 50, 0},
      {"count on target", &count, 2026, &two, 0, 0, Status::kMet, 2, 100, 0},
      {"count over target, percent uncapped", &count, 2026, &five, 0, 0, Status::kMet, 5, 250, 0},
      {"target 0 reached by 0: met, 100%", &zero, 2026, &none, 0, 0, Status::kMet, 0, 100, 0},
      {"count not reported", &count, 2026, nullptr, 0, 0, Status::kNotReported, std::nullopt, 0, 0},
      {"yes", &yesno, 2026, &ok, 0, 0, Status::kMet, 1, 100, 0},
      {"no is a reported 0, not missing", &yesno, 2026, &no, 0, 0, Status::kNotMet, 0, 0, 0},
      {"models none", &models, 2026, nullptr, 0, 0, Status::kNotMet, 0, 0, 0},
      {"models two", &models, 2026, nullptr, 2, 0, Status::kMet, 2, 200, 0},
      {"recognized one", &recognized, 2026, nullptr, 3, 1, Status::kMet, 1, 100, 0},
      {"recognized none", &recognized, 2026, nullptr, 3, 0, Status::kNotMet, 0, 0, 0},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Outcome o = Evaluate(*c.ind, c.year, c.result, c.own_models, c.own_recognized);
    EXPECT_EQ(o.status, c.status) << c.name;
    EXPECT_EQ(o.value, c.value) << c.name;
    EXPECT_DOUBLE_EQ(o.percent, c.percent) << c.name;
    EXPECT_EQ(o.days_late, c.days_late) << c.name;
    EXPECT_EQ(o.result, c.result) << c.name;
  }
  // A unit that sent no models table: the computed indicators are not reported, never 0.
  for (const Indicator* ind : {&models, &recognized}) {
    Outcome o = Evaluate(*ind, 2026, nullptr, 0, 0, /*models_reported=*/false);
    EXPECT_EQ(o.status, Status::kNotReported) << ind->id;
    EXPECT_FALSE(o.value.has_value()) << ind->id;
  }
}

TEST_F(ReportTest, OutcomesPerUnit2026) {
  const YearReport& y = Year(2026);
  constexpr Status M = Status::kMet, N = Status::kNotMet, R = Status::kNotReported;
  struct Case {
    const char* unit;
    const char* indicator;
    Status status;
    std::optional<double> value;
    double percent;
    int days_late;
  };
  const Case kCases[] = {
      {"tinh", "ke-hoach", M, 1, 100, 0},      // có
      {"tinh", "giam-sat", M, 3, 150, 0},      // 3 ÷ 2
      {"tinh", "bao-cao-nam", M, {}, 100, 0},  // 25/11, on the day
      {"tinh", "dang-ky", M, 1, 100, 0},       // Vườn cây mẫu
      {"tinh", "de-nghi", M, 1, 100, 0},       // Vườn cây mẫu: tỉnh and typical
      {"tinh", "phan-bien", M, 3, 100, 0},     // 3 ÷ 3
      {"xa-an", "ke-hoach", M, 1, 100, 0},     // x
      {"xa-an", "giam-sat", N, 1, 50, 0},      // 1 ÷ 2
      {"xa-an", "bao-cao-nam", N, {}, 0, 3},   // 28/11: 3 days late
      {"xa-an", "dang-ky", M, 2, 200, 0},      // Dân giàu, Ánh sáng
      {"xa-an", "de-nghi", M, 1, 100, 0},      // Dân giàu is typical
      {"xa-an", "phan-bien", R, {}, 0, 0},     // row with an empty value
      {"xa-binh", "ke-hoach", R, {}, 0, 0},    // sent nothing
      {"xa-binh", "giam-sat", R, {}, 0, 0},
      {"xa-binh", "bao-cao-nam", R, {}, 0, 0},
      // Computed from a models table xa-binh never sent: "chưa báo cáo", not a reported 0.
      {"xa-binh", "dang-ky", R, {}, 0, 0},
      {"xa-binh", "de-nghi", R, {}, 0, 0},
      {"xa-binh", "phan-bien", R, {}, 0, 0},
      {"nd-an", "ke-hoach", N, 0, 0, 0},  // không
      {"nd-an", "giam-sat", M, 2, 100, 0},
      {"nd-an", "bao-cao-nam", M, {}, 100, 0},  // 20/11, early
      {"nd-an", "dang-ky", M, 2, 200, 0},
      {"nd-an", "de-nghi", M, 1, 100, 0},       // Đường làng xanh recognised by the xã
      {"pn-an", "ke-hoach", M, 1, 100, 0},      // Có
      {"pn-an", "giam-sat", R, {}, 0, 0},       // no row
      {"pn-an", "bao-cao-nam", M, {}, 100, 0},  // ngày 24 tháng 11 năm 2026
      {"pn-an", "dang-ky", M, 2, 200, 0},
      {"pn-an", "de-nghi", N, 0, 0, 0},        // nothing recognised or typical
      {"dtn-binh", "ke-hoach", M, 1, 100, 0},  // 1
      {"dtn-binh", "giam-sat", M, 4, 200, 0},  // 4 ÷ 2, shown uncapped
      {"dtn-binh", "bao-cao-nam", R, {}, 0, 0},
      {"dtn-binh", "dang-ky", M, 1, 100, 0},
      {"dtn-binh", "de-nghi", M, 1, 100, 0},  // Bình yên is typical
  };
  for (const Case& c : kCases) {
    std::string name = std::string(c.unit) + " " + c.indicator;
    SCOPED_TRACE(name);
    const UnitYear& uy = y.units[U(c.unit)];
    const Outcome* o = nullptr;
    for (const Outcome& x : uy.outcomes)
      if (x.indicator == I(c.indicator)) o = &x;
    ASSERT_NE(o, nullptr) << name;
    EXPECT_EQ(o->status, c.status) << name;
    EXPECT_EQ(o->value, c.value) << name;
    EXPECT_DOUBLE_EQ(o->percent, c.percent) << name;
    EXPECT_EQ(o->days_late, c.days_late) << name;
    bool computed = std::string(c.indicator) == "dang-ky" || std::string(c.indicator) == "de-nghi";
    bool has_row = c.status != R && !computed;
    EXPECT_EQ(o->result != nullptr, has_row) << name;
  }
  // Only indicators that apply, in catalogue order: phan-bien is for "Ủy ban MTTQ" only.
  std::vector<int> nd_an;
  for (const Outcome& o : y.units[U("nd-an")].outcomes) nd_an.push_back(o.indicator);
  EXPECT_EQ(nd_an, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(y.units[U("xa-an")].outcomes.size(), 6u);
  const Outcome& late = y.units[U("xa-an")].outcomes[2];
  ASSERT_TRUE(late.date.has_value());
  EXPECT_TRUE(*late.date == (Date{2026, 11, 28}));
}

TEST_F(ReportTest, CompletionPerUnit) {
  struct Case {
    const char* unit;
    int met, applies;
    double percent;
    bool reported;
  };
  const Case kCases[] = {
      {"tinh", 6, 6, 100, true},     // everything met
      {"xa-an", 3, 6, 50, true},     // ke-hoach, dang-ky, de-nghi
      {"xa-binh", 0, 6, 0, false},   // sent nothing, has no model
      {"nd-an", 4, 5, 80, true},     // all but ke-hoach (không)
      {"pn-an", 3, 5, 60, true},     // ke-hoach, bao-cao-nam, dang-ky
      {"dtn-binh", 4, 5, 80, true},  // all but bao-cao-nam
  };
  const YearReport& y = Year(2026);
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.unit);
    const UnitYear& uy = y.units[U(c.unit)];
    EXPECT_EQ(uy.tally.met, c.met) << c.unit;
    EXPECT_EQ(uy.tally.applies, c.applies) << c.unit;
    EXPECT_DOUBLE_EQ(uy.tally.Percent(), c.percent) << c.unit;
    EXPECT_EQ(uy.reported, c.reported) << c.unit;
  }
  EXPECT_DOUBLE_EQ(Tally{}.Percent(), 0);
}

TEST_F(ReportTest, ModelsOverEveryYearCountOnce) {
  // tinh's "Vườn cây mẫu" has a row in 2025 and in 2026: one model, typical (2026), recognised
  // (tỉnh, 2026); its yearly flows add up: 100 + 120 people, 300 + 335,5 triệu đồng.
  const ModelTotals& tinh = report_->unit_all_years[U("tinh")];
  EXPECT_EQ(tinh.models, 1);
  EXPECT_EQ(tinh.typical, 1);
  EXPECT_EQ(tinh.recognized, 1);
  EXPECT_EQ(tinh.new_models, 1);  // it started as new in 2025
  EXPECT_DOUBLE_EQ(tinh.participants, 220);
  EXPECT_DOUBLE_EQ(tinh.funds, 635500000);
  // pn-an: two models of 2026, none typical.
  EXPECT_EQ(report_->unit_all_years[U("pn-an")].models, 2);
  EXPECT_EQ(report_->unit_all_years[U("pn-an")].typical, 0);
  EXPECT_EQ(report_->unit_all_years[U("xa-binh")].models, 0);
}

TEST_F(ReportTest, PeriodSoFar) {
  // Period 2025–2026, both with data. 2025: only tinh meets anything (ke-hoach and dang-ky: 2 of
  // its 6); the 33 indicator-units of 2026 apply again, so the tree has 2 + 20 met of 66.
  EXPECT_EQ(report_->period_years, (std::vector<int>{2025, 2026}));
  const YearReport& p = report_->period;
  EXPECT_EQ(p.year, 0);
  const SubtreeYear& root = p.subtrees[U("tinh")];
  EXPECT_EQ(root.tally.met, 22);
  EXPECT_EQ(root.tally.applies, 66);
  EXPECT_EQ(p.units[U("tinh")].tally.met, 8);
  EXPECT_EQ(p.units[U("tinh")].tally.applies, 12);
  // ke-hoach over both years: 2026's four and tinh's 2025.
  EXPECT_EQ(root.per_indicator[I("ke-hoach")].met, 5);
  EXPECT_EQ(root.per_indicator[I("ke-hoach")].applies, 12);
  // Models: the eight distinct models, Vườn cây mẫu once.
  EXPECT_EQ(root.models.models, 8);
  EXPECT_EQ(root.models.typical, 3);  // Vườn cây mẫu, Dân giàu làng vui, Bình yên xóm nhỏ
  EXPECT_EQ(p.models.size(), 8u);
  EXPECT_EQ(root.units_reported, 5);  // every unit but xa-binh reported in some year
}

TEST_F(ReportTest, UnitsOfOneKindAtOneDepthRankedBySubtree) {
  // 2026 subtrees: xa-an 3+4+3 of 6+5+5 = 62,5%; xa-binh 0+4 of 6+5 = 36,4%. The root is the
  // whole and is ranked with none; each association is alone in its group.
  const YearReport& y = Year(2026);
  ASSERT_EQ(y.by_kind.size(), 4u);
  EXPECT_EQ(y.by_kind[0].kind, "Ủy ban MTTQ");
  EXPECT_EQ(y.by_kind[0].depth, 1);
  ASSERT_EQ(y.by_kind[0].units.size(), 2u);
  EXPECT_EQ(y.by_kind[0].units[0].unit, U("xa-an"));
  EXPECT_EQ(y.by_kind[0].units[0].rank, 1);
  EXPECT_DOUBLE_EQ(y.by_kind[0].units[0].value, 62.5);
  EXPECT_EQ(y.by_kind[0].units[1].unit, U("xa-binh"));
  EXPECT_DOUBLE_EQ(y.by_kind[0].units[1].value, 400.0 / 11);
  // Depth 2, register order: nd-an, pn-an, dtn-binh.
  EXPECT_EQ(y.by_kind[1].kind, "Hội Nông dân");
  EXPECT_EQ(y.by_kind[1].depth, 2);
  EXPECT_EQ(y.by_kind[2].kind, "Hội LHPN");
  EXPECT_EQ(y.by_kind[3].kind, "Đoàn Thanh niên");
}

TEST_F(ReportTest, RollUps) {
  struct Case {
    const char* unit;
    int met, applies, units, units_reported;
    // met/applies per indicator: ke-hoach, giam-sat, bao-cao-nam, dang-ky, de-nghi, phan-bien
    std::vector<std::pair<int, int>> per_indicator;
  };
  const Case kCases[] = {
      // Whole tree: 6+3+0+4+3+4 = 20 met of 6+6+6+5+5+5 = 33.
      // ke-hoach: tinh, xa-an, pn-an, dtn-binh; giam-sat: tinh, nd-an, dtn-binh;
      // bao-cao-nam: tinh, nd-an, pn-an; dang-ky: all but xa-binh; de-nghi: all but xa-binh and
      // pn-an; phan-bien applies to the three Ủy ban MTTQ, met by tinh. xa-binh sent nothing and
      // still counts in every denominator.
      {"tinh", 20, 33, 6, 5, {{4, 6}, {3, 6}, {3, 6}, {5, 6}, {4, 6}, {1, 3}}},
      // xa-an + nd-an + pn-an: 3+4+3 = 10 of 6+5+5 = 16.
      {"xa-an", 10, 16, 3, 3, {{2, 3}, {1, 3}, {2, 3}, {3, 3}, {2, 3}, {0, 1}}},
      // xa-binh + dtn-binh: 0+4 = 4 of 6+5 = 11; only dtn-binh reported.
      {"xa-binh", 4, 11, 2, 1, {{1, 2}, {1, 2}, {0, 2}, {1, 2}, {1, 2}, {0, 1}}},
      // A leaf is its own subtree.
      {"pn-an", 3, 5, 1, 1, {{1, 1}, {0, 1}, {1, 1}, {1, 1}, {0, 1}, {0, 0}}},
  };
  const YearReport& y = Year(2026);
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.unit);
    const SubtreeYear& st = y.subtrees[U(c.unit)];
    EXPECT_EQ(st.tally.met, c.met) << c.unit;
    EXPECT_EQ(st.tally.applies, c.applies) << c.unit;
    EXPECT_EQ(st.units, c.units) << c.unit;
    EXPECT_EQ(st.units_reported, c.units_reported) << c.unit;
    ASSERT_EQ(st.per_indicator.size(), 6u) << c.unit;
    for (size_t i = 0; i < 6; ++i) {
      EXPECT_EQ(st.per_indicator[i].met, c.per_indicator[i].first) << c.unit << " indicator " << i;
      EXPECT_EQ(st.per_indicator[i].applies, c.per_indicator[i].second)
          << c.unit << " indicator " << i;
    }
  }
  // Completion of an indicator over the province: giam-sat 3 ÷ 6 = 50%, phan-bien 1 ÷ 3.
  const SubtreeYear& all = y.subtrees[site_->root];
  EXPECT_DOUBLE_EQ(all.per_indicator[I("giam-sat")].Percent(), 50);
  EXPECT_DOUBLE_EQ(all.per_indicator[I("phan-bien")].Percent(), 100.0 / 3);
  EXPECT_DOUBLE_EQ(all.tally.Percent(), 100.0 * 20 / 33);
}

TEST_F(ReportTest, NotMetListsInVietnameseOrder) {
  // Unit names: "Hội LHPN xã An Phú" (pn-an), "Hội Nông dân xã An Phú" (nd-an),
  // "Đoàn Thanh niên xã Bình Minh" (dtn-binh), "Ủy ban MTTQ tỉnh" (tinh),
  // "Ủy ban MTTQ xã An Phú" (xa-an), "Ủy ban MTTQ xã Bình Minh" (xa-binh).
  // Vietnamese order: Đoàn < Hội LHPN < Hội Nông dân < Ủy ban … tỉnh < … xã An < … xã Bình.
  const YearReport& y = Year(2026);
  using V = std::vector<std::string>;
  EXPECT_EQ(Units(y.not_met[I("ke-hoach")]), (V{"nd-an", "xa-binh"}));
  EXPECT_EQ(Units(y.not_met[I("giam-sat")]), (V{"pn-an", "xa-an", "xa-binh"}));
  EXPECT_EQ(Units(y.not_met[I("bao-cao-nam")]), (V{"dtn-binh", "xa-an", "xa-binh"}));
  EXPECT_EQ(Units(y.not_met[I("dang-ky")]), (V{"xa-binh"}));
  EXPECT_EQ(Units(y.not_met[I("de-nghi")]), (V{"pn-an", "xa-binh"}));
  EXPECT_EQ(Units(y.not_met[I("phan-bien")]), (V{"xa-an", "xa-binh"}));
}

TEST_F(ReportTest, ModelsOfTheYearInVietnameseOrder) {
  // Byte order would put Ánh and Đường after every plain letter.
  EXPECT_EQ(Show(Year(2026).models),
            (std::vector<std::string>{"xa-an-anh-sang",        // Ánh sáng đường quê
                                      "bep-an-yeu-thuong",     // Bếp ăn yêu thương
                                      "dtn-binh-binh-yen",     // Bình yên xóm nhỏ
                                      "nd-an-canh-dong",       // Cánh đồng lớn
                                      "xa-an-dan-giau",        // Dân giàu làng vui
                                      "nd-an-duong-lang",      // Đường làng xanh
                                      "pn-an-em-den-truong",   // Em đến trường
                                      "tinh-vuon-cay-mau"}));  // Vườn cây mẫu
  EXPECT_EQ(Show(Year(2025).models), (std::vector<std::string>{"tinh-vuon-cay-mau"}));
}

TEST_F(ReportTest, ModelTotals) {
  struct Case {
    const char* name;
    const ModelTotals* totals;
    int models, typical, collective, individual, new_models, continuing, recognized, evaluated;
    double score_sum, participants, funds;
  };
  const YearReport& y = Year(2026);
  const Case kCases[] = {
      // All eight 2026 models. Typical: Vườn, Dân giàu, Bình yên. Individual: Em đến trường.
      // Continuing: Vườn 2026, Đường làng. Recognised: Vườn (tỉnh), Đường làng (xã).
      // Scores of the 7 evaluated: 90+80+74,5+80+60+80+74,5 = 539.
      // People: 120+1250+45+80+30+25+40+60 = 1650.
      // Funds (triệu): 335,5+1500+12+200+0+5+50+0 = 2102,5.
      {"subtree tinh", &y.subtrees[U("tinh")].models, 8, 3, 7, 1, 6, 2, 2, 7, 539, 1650, 2102.5e6},
      // xa-an, nd-an, pn-an: people 1250+45+80+30+25+40 = 1470; funds 1500+12+200+5+50 = 1767.
      // Scores 80+74,5+80+60+80+74,5 = 449.
      {"subtree xa-an", &y.subtrees[U("xa-an")].models, 6, 1, 5, 1, 5, 1, 1, 6, 449, 1470, 1767e6},
      {"subtree xa-binh", &y.subtrees[U("xa-binh")].models, 1, 1, 1, 0, 1, 0, 0, 0, 0, 60, 0},
      // xa-an's own: Dân giàu (1.250 people, 1,5 tỷ) and Ánh sáng (45, 12.000.000).
      {"own xa-an", &y.by_unit[U("xa-an")], 2, 1, 2, 0, 2, 0, 0, 2, 154.5, 1295, 1512e6},
      {"own nd-an", &y.by_unit[U("nd-an")], 2, 0, 2, 0, 1, 1, 1, 2, 140, 110, 200e6},
      {"own xa-binh", &y.by_unit[U("xa-binh")], 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
      // Field kinh-te: Vườn, Dân giàu, Đường làng, Cánh đồng, Em đến trường.
      // People 120+1250+80+30+25 = 1505; funds 335,5+1500+200+5 = 2040,5 triệu.
      {"field kinh-te", &y.fields[F("kinh-te")].totals, 5, 2, 4, 1, 3, 2, 2, 5, 390, 1505,
       2040.5e6},
      {"field an-ninh", &y.fields[F("an-ninh")].totals, 1, 1, 1, 0, 1, 0, 0, 0, 0, 60, 0},
      // 2025: Vườn cây mẫu alone, 100 people, 300 triệu.
      {"subtree tinh 2025", &Year(2025).subtrees[U("tinh")].models, 1, 0, 1, 0, 1, 0, 0, 1, 70, 100,
       300e6},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const ModelTotals& t = *c.totals;
    EXPECT_EQ(t.models, c.models) << c.name;
    EXPECT_EQ(t.typical, c.typical) << c.name;
    EXPECT_EQ(t.collective, c.collective) << c.name;
    EXPECT_EQ(t.individual, c.individual) << c.name;
    EXPECT_EQ(t.new_models, c.new_models) << c.name;
    EXPECT_EQ(t.continuing, c.continuing) << c.name;
    EXPECT_EQ(t.recognized, c.recognized) << c.name;
    EXPECT_EQ(t.evaluated, c.evaluated) << c.name;
    EXPECT_DOUBLE_EQ(t.score_sum, c.score_sum) << c.name;
    EXPECT_DOUBLE_EQ(t.participants, c.participants) << c.name;
    EXPECT_DOUBLE_EQ(t.funds, c.funds) << c.name;
    EXPECT_DOUBLE_EQ(t.beneficiaries, 0) << c.name;
  }
  const ModelTotals& all = y.subtrees[U("tinh")].models;
  // By recognition: 6 none, Đường làng at xã, Vườn at tỉnh.
  EXPECT_EQ(all.by_recognition[static_cast<int>(Recognition::kNone)], 6);
  EXPECT_EQ(all.by_recognition[static_cast<int>(Recognition::kBase)], 0);
  EXPECT_EQ(all.by_recognition[static_cast<int>(Recognition::kCommune)], 1);
  EXPECT_EQ(all.by_recognition[static_cast<int>(Recognition::kProvince)], 1);
  EXPECT_EQ(all.by_recognition[static_cast<int>(Recognition::kCentral)], 0);
  EXPECT_DOUBLE_EQ(all.MeanScore(), 77);                            // 539 ÷ 7
  EXPECT_DOUBLE_EQ(y.by_unit[U("xa-an")].MeanScore(), 77.25);       // 154,5 ÷ 2
  EXPECT_DOUBLE_EQ(y.fields[F("kinh-te")].totals.MeanScore(), 78);  // 390 ÷ 5
  EXPECT_DOUBLE_EQ(y.fields[F("an-ninh")].totals.MeanScore(), 0);   // none evaluated
}

TEST_F(ReportTest, RankingsByField) {
  const YearReport& y = Year(2026);
  using V = std::vector<std::string>;
  // Kinh tế: 90; then 80, 80, 80 tied; then 60 — competition ranking 1, 2, 2, 2, 5. The tie is
  // in Vietnamese order Dân < Đường < Em (byte order would give Dân, Em, Đường).
  const FieldYear& kinh_te = y.fields[F("kinh-te")];
  EXPECT_EQ(Show(kinh_te.ranked),
            (V{"1:tinh-vuon-cay-mau", "2:xa-an-dan-giau", "2:nd-an-duong-lang",
               "2:pn-an-em-den-truong", "5:nd-an-canh-dong"}));
  EXPECT_TRUE(kinh_te.unranked.empty());
  // Units by number of models: nd-an 2; then pn-an, tinh, xa-an with 1 each, tied, in the order
  // Hội LHPN < Ủy ban MTTQ tỉnh < Ủy ban MTTQ xã An Phú.
  EXPECT_EQ(Show(kinh_te.units_by_models), (V{"1:nd-an=2", "2:pn-an=1", "2:tinh=1", "2:xa-an=1"}));
  // Typical models: tinh (Vườn) and xa-an (Dân giàu); units without one are left out.
  EXPECT_EQ(Show(kinh_te.units_by_typical), (V{"1:tinh=1", "1:xa-an=1"}));
  // Mean score: tinh 90; pn-an 80 and xa-an 80 tied; nd-an (80 + 60) ÷ 2 = 70 → 1, 2, 2, 4.
  EXPECT_EQ(Show(kinh_te.units_by_score),
            (V{"1:tinh=90", "2:pn-an=80", "2:xa-an=80", "4:nd-an=70"}));

  // Văn hóa – xã hội: 74,5 and 74,5 tied first; Ánh before Bếp (byte order would put Bếp first).
  const FieldYear& van_hoa = y.fields[F("van-hoa")];
  EXPECT_EQ(Show(van_hoa.ranked), (V{"1:xa-an-anh-sang", "1:bep-an-yeu-thuong"}));
  EXPECT_EQ(Show(van_hoa.units_by_models), (V{"1:pn-an=1", "1:xa-an=1"}));
  EXPECT_TRUE(van_hoa.units_by_typical.empty());
  EXPECT_EQ(Show(van_hoa.units_by_score), (V{"1:pn-an=74.5", "1:xa-an=74.5"}));

  // Quốc phòng – an ninh: Bình yên lacks TC3, so it is "chưa đánh giá đủ" and not ranked.
  const FieldYear& an_ninh = y.fields[F("an-ninh")];
  EXPECT_TRUE(an_ninh.ranked.empty());
  EXPECT_EQ(Show(an_ninh.unranked), (V{"dtn-binh-binh-yen"}));
  EXPECT_EQ(Show(an_ninh.units_by_models), (V{"1:dtn-binh=1"}));
  EXPECT_EQ(Show(an_ninh.units_by_typical), (V{"1:dtn-binh=1"}));
  EXPECT_TRUE(an_ninh.units_by_score.empty());

  const FieldYear& xddang = y.fields[F("xay-dung-dang")];
  EXPECT_EQ(xddang.totals.models, 0);
  EXPECT_TRUE(xddang.ranked.empty());
  EXPECT_TRUE(xddang.unranked.empty());
  EXPECT_TRUE(xddang.units_by_models.empty());
}

TEST_F(ReportTest, UnitsByCompletion) {
  // 100 tinh; 80 dtn-binh and nd-an tied ("Đoàn" before "Hội": byte order would swap them);
  // 60 pn-an; 50 xa-an; 0 xa-binh, which sent nothing but still has indicators that apply.
  using V = std::vector<std::string>;
  EXPECT_EQ(Show(Year(2026).units_by_completion), (V{"1:tinh=100", "2:dtn-binh=80", "2:nd-an=80",
                                                     "4:pn-an=60", "5:xa-an=50", "6:xa-binh=0"}));
}

TEST_F(ReportTest, Year2025) {
  const YearReport& y = Year(2025);
  // tinh 2025: ke-hoach có (met), dang-ky met by Vườn 2025, de-nghi not met (Vườn 2025 neither
  // recognised nor typical), giam-sat, bao-cao-nam, phan-bien not reported → 2 of 6.
  EXPECT_EQ(y.units[U("tinh")].tally.met, 2);
  EXPECT_EQ(y.units[U("tinh")].tally.applies, 6);
  EXPECT_TRUE(y.units[U("tinh")].reported);
  EXPECT_FALSE(y.units[U("xa-an")].reported);
  EXPECT_EQ(y.units[U("xa-an")].tally.met, 0);
  EXPECT_EQ(y.subtrees[U("tinh")].tally.met, 2);
  EXPECT_EQ(y.subtrees[U("tinh")].tally.applies, 33);
  EXPECT_EQ(y.subtrees[U("tinh")].units_reported, 1);
  EXPECT_EQ(Show(y.fields[F("kinh-te")].ranked), (std::vector<std::string>{"1:tinh-vuon-cay-mau"}));
}

TEST_F(ReportTest, ConsistencyWarnings) {
  struct Case {
    const char* name;
    Code code;
    const char* file;
    int line;
    const char* unit;
    std::vector<std::string> in_message;
  };
  const Case kCases[] = {
      {"typical, not evaluated",
       Code::kTypicalNotEvaluated,
       "content/dtn-binh/models.csv",
       2,
       "dtn-binh",
       {"Bình yên xóm nhỏ", "2026"}},
      {"typical, fails TC3",
       Code::kTypicalFailsCriterion,
       "content/xa-an/models.csv",
       3,
       "xa-an",
       {"Dân giàu làng vui", "2026", "TC3", "10 điểm, cần 15"}},
      {"new without launch date",
       Code::kNewWithoutLaunch,
       "content/pn-an/models.csv",
       2,
       "pn-an",
       {"Em đến trường", "2026"}},
      {"continuing without an earlier year",
       Code::kContinuingWithoutEarlier,
       "content/nd-an/models.csv",
       2,
       "nd-an",
       {"Đường làng xanh", "2026"}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    std::vector<const Diagnostic*> found;
    for (const Diagnostic& d : diags_->all())
      if (d.code == c.code) found.push_back(&d);
    ASSERT_EQ(found.size(), 1u) << c.name;
    const Diagnostic& d = *found[0];
    EXPECT_EQ(d.severity, Severity::kWarning) << c.name;
    EXPECT_EQ(d.file, c.file) << c.name;
    EXPECT_EQ(d.line, c.line) << c.name;
    EXPECT_EQ(d.unit, c.unit) << c.name;
    for (const std::string& part : c.in_message) EXPECT_TRUE(Contains(d.message, part)) << c.name;
  }

  // No model while "models ≥ 1" applies: xa-binh in 2026; in 2025 every unit but tinh.
  std::vector<std::string> without;
  for (const Diagnostic& d : diags_->all()) {
    if (d.code != Code::kUnitWithoutModel) continue;
    EXPECT_EQ(d.severity, Severity::kWarning);
    EXPECT_EQ(d.file, "content/" + d.unit + "/models.csv");
    EXPECT_TRUE(Contains(d.message, "Đăng ký mô hình"));
    std::string year = d.message.find("2026") != std::string::npos ? "2026" : "2025";
    without.push_back(year + ":" + d.unit);
  }
  std::sort(without.begin(), without.end());
  EXPECT_EQ(without, (std::vector<std::string>{"2025:dtn-binh", "2025:nd-an", "2025:pn-an",
                                               "2025:xa-an", "2025:xa-binh", "2026:xa-binh"}));

  // Nothing else: 4 model warnings and 6 unit warnings. Vườn cây mẫu 2026 is "duy trì" with a
  // 2025 row, so it gives no warning.
  EXPECT_EQ(diags_->all().size(), 10u);
  EXPECT_EQ(diags_->Count(Severity::kWarning), 10);
}

// A deadline report dated more than half a year before its deadline (25/11) or more than a year
// after is likely a mistyped year: a warning at its row, naming the indicator and both dates.
TEST_F(ReportTest, DeadlineDatesFarFromTheDeadlineAreSaid) {
  Site site = *site_;
  const Result* sent = nullptr;  // xa-an's bao-cao-nam of 2026, copied with other dates
  for (const Result& r : site.results)
    if (site.indicators[r.indicator].id == "bao-cao-nam" && r.year == 2026 && r.line == 4 &&
        r.file == "content/xa-an/results.csv")
      sent = &r;
  ASSERT_NE(sent, nullptr);
  const Result copy = *sent;
  const std::vector<std::pair<Date, bool>> dates = {
      {{2025, 11, 20}, true},   // a year early: the year of the one before
      {{2026, 5, 26}, false},   // 183 days early: sent ahead, not said
      {{2026, 5, 25}, true},    // 184 days early
      {{2027, 11, 25}, false},  // 365 days late
      {{2062, 11, 20}, true},   // 36 years late
  };
  std::vector<int> expected;
  for (size_t k = 0; k < dates.size(); ++k) {
    Result r = copy;
    r.date = dates[k].first;
    r.line = 100 + static_cast<int>(k);
    if (dates[k].second) expected.push_back(r.line);
    site.results.push_back(r);
  }
  Diagnostics diags;
  ComputeReport(site, diags);
  std::vector<int> said;
  for (const Diagnostic& d : diags.all()) {
    if (d.code != Code::kDeadlineDateFar) continue;
    EXPECT_EQ(d.severity, Severity::kWarning);
    EXPECT_EQ(d.unit, "xa-an");
    EXPECT_TRUE(Contains(d.message, site.indicators[copy.indicator].name));
    EXPECT_TRUE(Contains(d.message, "25/11/2026"));
    if (d.line == 100) EXPECT_TRUE(Contains(d.message, "20/11/2025 ")) << d.message;
    said.push_back(d.line);
  }
  EXPECT_EQ(said, expected);
}

}  // namespace
}  // namespace dvk
