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

    @Test func publishesEveryFigureWhenTheThresholdIsOne() throws {
        let report = try report(threshold: 1)
        #expect(report.schoolYears.map(\.year!.description) == (2016...2026).map { SchoolYear(startYear: $0).description })
        #expect(report.schoolYears[0].incidents == .shown(3))
        #expect(report.schoolYears[3].incidents == .shown(0))
        #expect(report.totals.categories.map(\.value) == [2, 6, 1, 1, 1, 1])
        #expect(report.totals.actions.map(\.value) == [11, 4, 2, 1, 1])
        #expect(report.months.count == 24)
        #expect(report.months.first?.month.description == "2024-12")
        #expect(report.months.last?.incidents == .shown(1))
        #expect(report.medianHours == 4.5)
        #expect(report.distinctAccounts == .shown(7))
        #expect(report.period == CalendarDay(year: 2016, month: 9, day: 5)!...CalendarDay(year: 2026, month: 11, day: 24)!)
    }

    @Test func writesStatsJSONInThePinnedShape() throws {
        let json = try report(threshold: 5).statsJSON()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "policysite/stats/v1")
        #expect(object["asOf"] as? String == "2026-11-24")
        #expect(object["suppressionThreshold"] as? Int == 5)
        #expect((object["period"] as? [String: String]) == ["from": "2016-09-05", "to": "2026-11-24"])
        let years = try #require(object["schoolYears"] as? [[String: Any]])
        #expect(years.first?["year"] as? String == "2016/17")
        #expect(years.first?["incidents"] is NSNull)
        let categories = try #require(years[3]["categories"] as? [String: Any])
        #expect(categories.count == 6)
        #expect(categories["copyright"] as? Int == 0)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["incidents"] as? Int == 12)
        let actions = try #require(totals["actions"] as? [String: Any])
        #expect(actions["removed"] as? Int == 11)
        #expect(actions["reported-authority"] is NSNull)
        #expect((object["accounts"] as? [String: Any])?["distinct"] as? Int == 7)
        let time = try #require(object["timeToAction"] as? [String: Any])
        #expect(time["recorded"] as? Int == 10)
        #expect(time["medianHours"] as? Double == 4.5)
        #expect(time["within24Hours"] as? Int == 8)
    }

    @Test func neverPublishesASmallCount() throws {
        let report = try report(threshold: 5)
        let csv = report.statsCSV()
        for line in csv.split(separator: "\r\n").dropFirst() {
            let value = line.split(separator: ",").last!
            if let number = Int(value) { #expect(!(1..<5).contains(number), "\(line)") }
        }
        #expect(csv.hasPrefix("period,table,key,value\r\n2016/17,incidents,all,c\r\n2016/17,category,undermining,c\r\n"))
        #expect(csv.contains("\r\nall,incidents,all,12\r\n"))
        #expect(csv.contains("\r\n2025-02,incidents,all,0\r\n"))
        #expect(csv.contains("\r\nall,time-to-action,median-hours,4.5\r\n"))
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
