extension TransparencyReport {
    public static let jsonSchema = "policysite/stats/v1"

    /// `transparency/stats.json` as DESIGN.md pins it: hidden counts are `null`, keys in a fixed order.
    public func statsJSON() -> String {
        func count(_ count: Count) -> String { count.value.map(String.init) ?? "null" }
        func object(_ keys: [SiteConfiguration.Term], _ counts: [Count]) -> String {
            "{" + zip(keys, counts).map { "\(jsonString($0.key)): \(count($1))" }.joined(separator: ", ") + "}"
        }
        func row(_ row: Row) -> String {
            var fields: [String] = []
            if let year = row.year { fields.append("\"year\": \(jsonString(year.description))") }
            fields.append("\"incidents\": \(count(row.incidents))")
            fields.append("\"categories\": \(object(categories, row.categories))")
            fields.append("\"actions\": \(object(actions, row.actions))")
            return "{" + fields.joined(separator: ", ") + "}"
        }
        let periodJSON = period.map { "{\"from\": \(jsonString($0.lowerBound.description)), \"to\": \(jsonString($0.upperBound.description))}" } ?? "null"
        let lines = [
            "\"schema\": \(jsonString(Self.jsonSchema))",
            "\"asOf\": \(jsonString(asOf.description))",
            "\"exampleData\": \(isExampleData)",
            "\"period\": \(periodJSON)",
            "\"lastEntry\": \(lastEntry.map { jsonString($0.description) } ?? "null")",
            "\"suppressionThreshold\": \(threshold)",
            "\"schoolYears\": [" + schoolYears.map { "\n    " + row($0) }.joined(separator: ",") + (schoolYears.isEmpty ? "]" : "\n  ]"),
            "\"totals\": \(row(totals))",
            "\"months\": [" + months.map { "\n    {\"month\": \(jsonString($0.month.description)), \"incidents\": \(count($0.incidents))}" }.joined(separator: ",") + "\n  ]",
            "\"accounts\": {\"distinct\": \(count(distinctAccounts)), \"repeat\": \(count(repeatAccounts))}",
            "\"timeToAction\": {\"recorded\": \(count(recordedTimes)), \"medianHours\": \(medianHours.map(jsonNumber) ?? "null"), \"within24Hours\": \(count(within24Hours))}",
        ]
        return "{\n  " + lines.joined(separator: ",\n  ") + "\n}\n"
    }
}

/// A JSON string literal.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20: out += "\\u" + pad(Int(scalar.value), 4)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// A finite number as JSON writes it: `3` rather than `3.0`.
func jsonNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
