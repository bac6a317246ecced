extension TransparencyReport {
    public static let jsonSchema = "policysite/stats/v2"

    /// `transparency/stats.json` (docs/stats.md): hidden counts are `null`, keys in a fixed order.
    public func statsJSON() -> String {
        func count(_ count: Count) -> String { count.value.map(String.init) ?? "null" }
        func object(_ keys: [SiteConfiguration.Term], _ counts: [Count]) -> String {
            "{" + zip(keys, counts).map { "\(JSONText.string($0.key)): \(count($1))" }.joined(separator: ", ") + "}"
        }
        func row(_ row: Year) -> String {
            "{" + [
                "\"year\": \(JSONText.string(row.year.description))",
                "\"incidents\": \(count(row.incidents))",
                "\"categories\": \(object(categories, row.categories))",
                "\"actions\": \(object(actions, row.actions))",
                "\"accounts\": {\"distinct\": \(count(row.distinctAccounts)), \"repeat\": \(count(row.repeatAccounts))}",
                "\"timeToAction\": {\"recorded\": \(count(row.recordedTimes)), \"within24Hours\": \(count(row.within24Hours)), "
                    + "\"over24Hours\": \(count(row.over24Hours)), \"medianHours\": \(row.medianHours.map(jsonNumber) ?? "null")}",
            ].joined(separator: ", ") + "}"
        }
        let periodJSON = period.map { "{\"from\": \(JSONText.string($0.lowerBound.description)), \"to\": \(JSONText.string($0.upperBound.description))}" } ?? "null"
        let lines = [
            "\"schema\": \(JSONText.string(Self.jsonSchema))",
            "\"asOf\": \(JSONText.string(asOf.description))",
            "\"closedThrough\": \(JSONText.string(closedThrough.description))",
            "\"exampleData\": \(isExampleData)",
            "\"period\": \(periodJSON)",
            "\"suppressionThreshold\": \(threshold)",
            "\"history\": \(JSONText.string(history == .ledger ? "ledger" : "none"))",
            "\"schoolYears\": [" + schoolYears.map { "\n    " + row($0) }.joined(separator: ",") + (schoolYears.isEmpty ? "]" : "\n  ]"),
            "\"months\": [" + months.map { "\n    {\"month\": \(JSONText.string($0.month.description)), \"incidents\": \(count($0.incidents))}" }.joined(separator: ",") + "\n  ]",
        ]
        return "{\n  " + lines.joined(separator: ",\n  ") + "\n}\n"
    }
}

/// A finite number as JSON writes it: `3` rather than `3.0`.
func jsonNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
