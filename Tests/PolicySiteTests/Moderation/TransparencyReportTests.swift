import Foundation
import Testing
@testable import PolicySite

@Suite struct TransparencyReportTests {
    func report(threshold: Int, log: String = "small.csv") throws -> TransparencyReport {
        var configuration = ModerationFixtures.configuration
        configuration.suppressionThreshold = threshold
        // The report counts complete months: the log is read up to the end of October 2026.
        let statistics = try ModerationLogReader(categories: ModerationFixtures.categories, actions: ModerationFixtures.actions,
                                                 asOf: CalendarDay(year: 2026, month: 10, day: 31)!, latestDate: ModerationFixtures.asOf)
            .read(path: ModerationFixtures.logsDirectory + "/" + log, file: log)
        return TransparencyReport(statistics: statistics, configuration: configuration, asOf: ModerationFixtures.asOf)
    }

    @Test func publishesEveryFigureOfTheCompleteMonthsWhenTheThresholdIsOne() throws {
        let report = try report(threshold: 1)
        // As of 24 November 2026 the last complete month is October 2026, and the last complete
        // school year 2025/26: the year still running has no row, and 24 November is not counted.
        #expect(report.closedThrough.description == "2026-10")
        #expect(report.schoolYears.map(\.year!.description) == (2016...2025).map { SchoolYear(startYear: $0).description })
        #expect(report.schoolYears[0].incidents == .shown(3))
        #expect(report.schoolYears[3].incidents == .shown(0))
        #expect(report.totals?.incidents == .shown(9))
        #expect(report.totals?.categories.map(\.value) == [2, 4, 1, 0, 1, 1])
        #expect(report.totals?.actions.map(\.value) == [8, 3, 1, 1, 1])
        #expect(report.months.count == 24)
        #expect(report.months.first?.month.description == "2024-11")
        #expect(report.months.last?.month.description == "2026-10")
        #expect(report.months.last?.incidents == .shown(1))
        #expect(report.recordedTimes == .shown(9))
        #expect(report.medianHours == nil)
        #expect(report.distinctAccounts == .shown(7))
        #expect(report.repeatAccounts == .shown(2))
        #expect(report.period == CalendarMonth(year: 2016, month: 9)!...CalendarMonth(year: 2026, month: 10)!)
    }

    @Test func writesStatsJSONInTheVersionTwoShape() throws {
        let json = try report(threshold: 5).statsJSON()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "policysite/stats/v2")
        #expect(object["asOf"] as? String == "2026-11-24")
        #expect(object["closedThrough"] as? String == "2026-10")
        #expect(object["lastEntry"] == nil)
        #expect(object["suppressionThreshold"] as? Int == 5)
        #expect((object["period"] as? [String: String]) == ["from": "2016-09", "to": "2026-10"])
        let years = try #require(object["schoolYears"] as? [[String: Any]])
        #expect(years.count == 10)
        #expect(years.first?["year"] as? String == "2016/17")
        #expect(years.first?["incidents"] is NSNull)
        let categories = try #require(years[3]["categories"] as? [String: Any])
        #expect(categories.count == 6)
        #expect(categories["copyright"] as? Int == 0)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["from"] as? String == "2016/17")
        #expect(totals["to"] as? String == "2025/26")
        #expect(totals["incidents"] as? Int == 9)
        let actions = try #require(totals["actions"] as? [String: Any])
        #expect(actions["removed"] as? Int == 8)
        #expect(actions["reported-authority"] is NSNull)
        #expect((object["accounts"] as? [String: Any])?["distinct"] as? Int == 7)
        let time = try #require(object["timeToAction"] as? [String: Any])
        #expect(time["recorded"] as? Int == 9)
        #expect(time["medianHours"] is NSNull)
    }

    @Test func neverPublishesASmallCount() throws {
        let report = try report(threshold: 5)
        let csv = report.statsCSV()
        for line in csv.split(separator: "\r\n").dropFirst() {
            let value = line.split(separator: ",").last!
            if let number = Int(value) { #expect(!(1..<5).contains(number), "\(line)") }
        }
        #expect(csv.hasPrefix("period,table,key,value\r\n2016/17,incidents,all,c\r\n2016/17,category,undermining,c\r\n"))
        #expect(csv.contains("\r\n2016/17 to 2025/26,incidents,all,9\r\n"))
        #expect(csv.contains("\r\n2025-02,incidents,all,0\r\n"))
        #expect(csv.contains("\r\n2016-09 to 2026-10,accounts,distinct,7\r\n"))
        #expect(csv.contains("\r\n2016-09 to 2026-10,time-to-action,median-hours,c\r\n"))
    }

    @Test func withholdsTheMedianUntilTenTimesAreRecorded() throws {
        var statistics = ReportStatistics(categoryCount: 6, actionCount: 5)
        for day in 1...9 {
            statistics.add(ModerationIncident(date: CalendarDay(year: 2026, month: 1, day: day)!, category: 0, actions: ActionSet([0]), hoursToAction: Double(day)))
        }
        let report = TransparencyReport(statistics: statistics, configuration: ModerationFixtures.configuration, asOf: ModerationFixtures.asOf)
        #expect(report.recordedTimes == .shown(9))
        #expect(report.medianHours == nil)
        #expect(report.statsJSON().contains("\"medianHours\": null"))
    }
}
