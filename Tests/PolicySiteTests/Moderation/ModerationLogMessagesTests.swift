import Foundation
import Testing
@testable import PolicySite

/// Messages name a refused cell by file, line and column and describe it; they never repeat it,
/// since a cell the format does not recognise may be the personal data the log must not hold.
@Suite struct ModerationLogMessagesTests {
    let header = "date,category,actions,account,hours-to-action\n"

    static let personalCells = [
        "Mrs Jane Doe of 14 Acacia Ave complained", "John Smith", "SW1A 1AA", "jane.doe@example.com", "@janedoe",
        "07700 900123", "twitter.com/janedoe", "Dr Patel", "14 Acacia Avenue", "Jane", "jane doe", "Y3 mum",
    ]

    @Test(arguments: ["date", "category", "actions", "account", "hours-to-action"])
    func noMessageRepeatsACellInAnyColumn(column: String) {
        for cell in Self.personalCells {
            var cells = ["2020-01-10", "copyright", "removed", "", ""]
            let index = ["date", "category", "actions", "account", "hours-to-action"].firstIndex(of: column)!
            cells[index] = "\"\(cell)\""
            let errors = ModerationFixtures.errors(header + cells.joined(separator: ",") + "\n")
            #expect(!errors.isEmpty, "\(cell) in \(column) was accepted")
            for error in errors {
                #expect(!error.contains(cell), "\(error)")
                #expect(error.hasPrefix("log.csv:2:"), "\(error)")
            }
        }
    }

    @Test func describesANameOrAnAddressWithoutQuotingIt() {
        #expect(ModerationFixtures.errors(header + "2020-01-10,Mrs Jane Doe of 14 Acacia Ave complained,removed,,\n2020-01-10,copyright,removed,John Smith,\n") == [
            "log.csv:2:12: error: the category cell holds what looks like personal data (a name or an address); the log must be anonymised, expected one of undermining, offensive-language, unsuitable-images, unsuitable-shared-content, copyright, child-follow-request",
            "log.csv:3:30: error: the account cell holds what looks like personal data (a name or an address); the log must be anonymised, expected empty, or a pseudonym: p- followed by 8 to 64 lowercase hex digits (as made by 'policysite anonymise')",
        ])
    }

    @Test func suggestsTheKeyMeantInsteadOfQuotingTheCell() {
        #expect(ModerationFixtures.errors(header + "2020-01-10,Offensive Language,removed,,\n2020-01-10,copyright,remved;blocked,,\n2020-01-10,spam,removed,,\n") == [
            "log.csv:2:12: error: unknown category (did you mean 'offensive-language'?), expected one of undermining, offensive-language, unsuitable-images, unsuitable-shared-content, copyright, child-follow-request",
            "log.csv:3:22: error: unknown action (did you mean 'removed'?), expected one or more of removed, blocked, reported-platform, reported-authority, esafety-notified, separated by ';'",
            "log.csv:4:12: error: unknown category (the cell holds a single word), expected one of undermining, offensive-language, unsuitable-images, unsuitable-shared-content, copyright, child-follow-request",
        ])
    }

    @Test func aHeaderCellIsQuotedOnlyWhenItLooksLikeAColumnName() {
        let errors = ModerationFixtures.errors("date,category,actions,notes,Jane Doe\n")
        #expect(errors == [
            "log.csv:1:23: error: the column 'notes' is not part of the moderation log format and could carry personal data, expected only the columns date, category, actions, account, hours-to-action",
            "log.csv:1:29: error: the column named in this cell is not part of the moderation log format and could carry personal data, expected only the columns date, category, actions, account, hours-to-action",
        ])
    }

    @Test func aLogSavedFromExcelGetsOneMessageNamingTheFormAndTheFix() {
        let log = header + "03/09/2016,copyright,removed,,\n04/09/2016,copyright,removed,,\n2016-09-05,spam,removed,,\n13/09/2016,copyright,removed,,\n14-Sep-16,copyright,removed,,\n"
        #expect(ModerationFixtures.errors(log) == [
            "log.csv:2:1: error: the date is written DD/MM/YYYY, as a spreadsheet saves dates (this row and 2 more), expected YYYY-MM-DD such as 2016-09-03: in Excel select the date column, choose Format Cells, Custom, type yyyy-mm-dd, then save as CSV again",
            "log.csv:4:12: error: unknown category (the cell holds a single word), expected one of undermining, offensive-language, unsuitable-images, unsuitable-shared-content, copyright, child-follow-request",
            "log.csv:6:1: error: the date is written DD-Mon-YY, as a spreadsheet saves dates, expected YYYY-MM-DD such as 2016-09-03: in Excel select the date column, choose Format Cells, Custom, type yyyy-mm-dd, then save as CSV again",
        ])
    }

    @Test(arguments: [
        ("03/09/2016", "DD/MM/YYYY"), ("3/9/16", "DD/MM/YY"), ("09/13/2016", "MM/DD/YYYY"), ("03-09-2016", "DD-MM-YYYY"),
        ("03.09.2016", "DD.MM.YYYY"), ("3-Sep-16", "DD-Mon-YY"), ("03 September 2016", "DD Month YYYY"), ("Sep-03-2016", "Mon-DD-YYYY"),
        ("2016/09/03", "YYYY/MM/DD"), ("03/09/2016 14:30", "DD/MM/YYYY HH:MM"), ("9/3/2016 2:30 PM", "DD/MM/YYYY HH:MM AM"),
        ("42616", "as a spreadsheet day number"),
    ])
    func recognisesTheFormsExcelSavesDatesIn(text: String, form: String) {
        #expect(ExcelDateForm(text)?.name == form)
    }

    @Test(arguments: ["2016-09-03", "spam", "3", "3.5", "p-0123abcd", "13/13/2016", "Jane Doe"])
    func recognisesNoSpreadsheetDateInOtherCells(text: String) {
        #expect(ExcelDateForm(text) == nil)
    }
}
