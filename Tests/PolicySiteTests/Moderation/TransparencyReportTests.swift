import Foundation
import Testing
@testable import PolicySite

@Suite struct TransparencyReportTests {
    func report(threshold: Int, log: String = "small.csv") throws -> TransparencyReport {
        var configuration = ModerationFixtures.configuration
        configuration.suppressionThreshold = threshold
        let statistics = try ModerationFixtures.reader().read(path: ModerationFixtures.logsDirectory + "/" + log, file: log)
        return TransparencyReport(statistics: statistics, configuration: configuration, asOf: ModerationFixtures.asOf)
    }

    @Test func countsCompleteMonthsAndCompleteSchoolYearsOnly() throws {
        let report = try report(threshold: 1)
        // As of 24 November 2026: October is the last month that is over, 2025/26 the last year.
        #expect(report.closedThrough.description == "2026-10")
        #expect(report.schoolYears.map(\.year.description) == (2016...2025).map { SchoolYear(startYear: $0).description })
        #expect(report.schoolYears[0].incidents == .shown(3))
        #expect(report.schoolYears[3].incidents == .shown(0))
        #expect(report.schoolYears[0].categories.map(\.value) == [1, 2, 0, 0, 0, 0])
        #expect(report.schoolYears[0].actions.map(\.value) == [3, 1, 1, 0, 0])
        #expect(report.schoolYears[0].distinctAccounts == .shown(2))
        #expect(report.schoolYears[0].repeatAccounts == .shown(1))
        #expect((report.schoolYears[0].within24Hours, report.schoolYears[0].over24Hours) == (.shown(2), .shown(1)))
        #expect(report.months.count == 24)
        #expect(report.months.first?.month.description == "2024-11")
        // The entry of 24 November 2026 is in a month that is not over: not counted yet.
        #expect(report.months.last?.month.description == "2026-10")
        #expect(report.months.last?.incidents == .shown(1))
        #expect(report.period == CalendarMonth(year: 2016, month: 9)!...CalendarMonth(year: 2026, month: 10)!)
    }

    @Test func writesStatsJSONVersionTwo() throws {
        let json = try report(threshold: 5).statsJSON()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "policysite/stats/v2")
        #expect(object["asOf"] as? String == "2026-11-24")
        #expect(object["closedThrough"] as? String == "2026-10")
        #expect(object["history"] as? String == "none")
        #expect(object["suppressionThreshold"] as? Int == 5)
        #expect((object["period"] as? [String: String]) == ["from": "2016-09", "to": "2026-10"])
        #expect(object["totals"] == nil)
        let years = try #require(object["schoolYears"] as? [[String: Any]])
        #expect(years.count == 10)
        #expect(years.first?["year"] as? String == "2016/17")
        #expect(years.first?["incidents"] is NSNull)
        let categories = try #require(years[3]["categories"] as? [String: Any])
        #expect(categories.count == 6)
        #expect(categories["copyright"] as? Int == 0)
        let time = try #require(years[0]["timeToAction"] as? [String: Any])
        #expect(time["medianHours"] is NSNull)
        #expect(Set(time.keys) == ["recorded", "within24Hours", "over24Hours", "medianHours"])
        #expect(Set(try #require(years[0]["accounts"] as? [String: Any]).keys) == ["distinct", "repeat"])
    }

    @Test func neverPublishesASmallCount() throws {
        let report = try report(threshold: 5)
        let csv = report.statsCSV()
        for line in csv.split(separator: "\r\n").dropFirst() {
            let value = line.split(separator: ",").last!
            if let number = Int(value) { #expect(!(1..<5).contains(number), "\(line)") }
        }
        #expect(csv.hasPrefix("period,table,key,value\r\n2016/17,incidents,all,c\r\n2016/17,category,undermining,c\r\n"))
        #expect(csv.contains("\r\n2025-02,incidents,all,0\r\n"))
        #expect(csv.contains("\r\n2016/17,time-to-action,over-24-hours,c\r\n"))
        #expect(!csv.contains("\r\nall,"))
    }

    @Test func withholdsTheMedianUntilTenTimesAreRecorded() throws {
        var statistics = ReportStatistics(categoryCount: 6, actionCount: 5)
        for day in 1...9 {
            statistics.add(ModerationIncident(date: CalendarDay(year: 2026, month: 1, day: day)!, category: 0, actions: ActionSet([0]), hoursToAction: Double(day)))
        }
        let report = TransparencyReport(statistics: statistics, configuration: ModerationFixtures.configuration, asOf: ModerationFixtures.asOf)
        let year = try #require(report.schoolYears.last)
        #expect(year.recordedTimes == .shown(9))
        #expect(year.medianHours == nil)
        #expect(report.statsJSON().contains("\"medianHours\": null"))
    }
}
