// Runs the page script's review rules (assets/review-status.js, loaded as it is) for every
// day of a range, for ReviewScheduleScriptParityTests.
//   node review-status-parity.js SCRIPT < {"words": ReviewWords, "from": "YYYY-MM-DD",
//                                          "to": "YYYY-MM-DD", "reviews": [[next, dueSoonFrom, overdueFrom], ...]}
// Writes one line per review and day: next, day, status, label, icon, timing, sentence (tabs).
// The days are counted here with the JavaScript calendar, not taken from Swift.
"use strict";
const fs = require("fs");
const path = require("path");
const script = require(path.resolve(process.argv[2]));
const input = JSON.parse(fs.readFileSync(0, "utf8"));

function iso(time) {
  const date = new Date(time);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
const [fromYear, fromMonth, fromDay] = input.from.split("-").map(Number);
const days = [];
for (let time = Date.UTC(fromYear, fromMonth - 1, fromDay); iso(time) <= input.to; time += 86400000) {
  days.push(iso(time));
}

const lines = [];
for (const [next, dueSoonFrom, overdueFrom] of input.reviews) {
  for (const day of days) {
    const shown = script.review(input.words, day, next, dueSoonFrom, overdueFrom);
    lines.push(shown === null ? `${next}\t${day}\tnull`
      : [next, day, shown.status, shown.label, shown.icon, shown.timing, shown.sentence].join("\t"));
  }
}
process.stdout.write(lines.join("\n") + "\n");
