/* policysite: keeps review statuses true when a page is read long after it was built.
 *
 * Each element with data-next-review, data-due-soon-from and data-overdue-from gets its
 * status, label, icon, class and sentence worked out again from the reader's own date. The
 * build hands over everything that is not the reader's date: each element's dates (from
 * ReviewSchedule) and every word (ReviewWords, as JSON in this script element's
 * data-review-words). This script holds no words, only the rules that choose among them;
 * ReviewScheduleScriptParityTests runs it beside the Swift rules for every day from 2016
 * to 2030. Without this script, or without the words, the page shows the build's statuses. */
(function () {
  "use strict";

  var STATUS_CLASS = /^(.+)--(current|due-soon|overdue)$/;
  var ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
  var ISO_MONTH = /^(\d{4})-(\d{2})$/;

  // ReviewWords.fill: each {name} found in values, in one pass from the left.
  function fill(template, values) {
    return template.replace(/\{([A-Za-z]+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  // ReviewWords.Count: `one` for 1, else `other` with {n}.
  function count(words, n) { return n === 1 ? words.one : fill(words.other, { n: String(n) }); }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function isoDay(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function spelledMonth(words, year, month) {
    return fill(words.spelledMonth, { name: words.monthNames[month - 1], year: String(year) });
  }

  function spelledDay(words, iso) {
    var m = ISO_DAY.exec(iso);
    return fill(words.spelledDay, { day: String(Number(m[3])), month: spelledMonth(words, Number(m[1]), Number(m[2])) });
  }

  // ReviewDate.withPreposition ("in September 2017", "on 15 September 2017") and its month's index.
  function reviewDate(words, text) {
    var m = ISO_MONTH.exec(text);
    if (m) {
      return { due: fill(words.dueInMonth, { date: spelledMonth(words, Number(m[1]), Number(m[2])) }),
               index: Number(m[1]) * 12 + Number(m[2]) - 1 };
    }
    m = ISO_DAY.exec(text);
    if (m) {
      return { due: fill(words.dueOnDay, { date: spelledDay(words, text) }), index: Number(m[1]) * 12 + Number(m[2]) - 1 };
    }
    return null;
  }

  // ReviewSchedule.duration: "1 month", "2 years", "9 years and 2 months".
  function duration(words, total) {
    var years = Math.floor(total / 12), months = total % 12;
    if (years === 0) { return count(words.monthCount, months); }
    if (months === 0) { return count(words.yearCount, years); }
    return fill(words.yearsAndMonths, { years: count(words.yearCount, years), months: count(words.monthCount, months) });
  }

  // ReviewSchedule.status: ISO days compare as text.
  function statusOn(today, dueSoonFrom, overdueFrom) {
    if (today >= overdueFrom) { return "overdue"; }
    if (today >= dueSoonFrom) { return "due-soon"; }
    return "current";
  }

  // ReviewSchedule.timing: months counted between the two calendar months.
  function timing(words, status, months) {
    if (status === "overdue") {
      return months === 0 ? words.earlierThisMonth : fill(words.inPast, { duration: duration(words, months) });
    }
    return months === 0 ? words.thisMonth : fill(words.inFuture, { duration: duration(words, -months) });
  }

  /* Everything shown for one review on the reader's day (ISO `today`): status, label, icon,
   * sentence and timing; null when a date is not in the form the build writes. */
  function review(words, today, nextReview, dueSoonFrom, overdueFrom) {
    var due = reviewDate(words, nextReview || "");
    if (!due || !ISO_DAY.test(today) || !ISO_DAY.test(dueSoonFrom || "") || !ISO_DAY.test(overdueFrom || "")) { return null; }
    var status = statusOn(today, dueSoonFrom, overdueFrom);
    var when = timing(words, status, Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - due.index);
    var shown = words.statuses[status];
    return { status: status, label: shown.label, icon: shown.icon, timing: when,
             sentence: fill(shown.sentence, { due: due.due, timing: when }) };
  }

  function setText(element, text) {
    if (element && element.textContent !== text) { element.textContent = text; }
  }

  // The label is "<icon> Label" or "<icon> Label:"; the icon's span stays, the words change.
  function setLabel(element, shown) {
    if (!element) { return; }
    var icon = element.querySelector(".status-icon");
    setText(icon, shown.icon);
    var colon = /:\s*$/.test(element.textContent) ? ":" : "";
    var node = icon ? icon.nextSibling : element.firstChild;
    while (node && node.nextSibling) { element.removeChild(node.nextSibling); }
    var text = (icon ? " " : "") + shown.label + colon;
    if (node && node.nodeType === 3) { node.nodeValue = text; } else { element.appendChild(document.createTextNode(text)); }
  }

  function update(words, element, today) {
    var shown = review(words, today, element.getAttribute("data-next-review"),
                       element.getAttribute("data-due-soon-from"), element.getAttribute("data-overdue-from"));
    if (!shown) { return false; }
    element.setAttribute("data-status", shown.status);
    var classes = element.className.split(/\s+/);
    for (var i = 0; i < classes.length; i++) {
      var m = STATUS_CLASS.exec(classes[i]);
      if (m) { classes[i] = m[1] + "--" + shown.status; }
    }
    element.className = classes.join(" ");
    setLabel(element.querySelector(".banner__label, .status__label"), shown);
    setText(element.querySelector(".banner__sentence, .status__sentence"), shown.sentence);
    setText(element.querySelector(".status__timing"), shown.timing);
    return true;
  }

  // The counts above the lists (IndexPageView, GovernorsPageView), in the build's words.
  function summarise(words) {
    var counts = { "current": 0, "due-soon": 0, "overdue": 0 }, total = 0;
    var elements = document.querySelectorAll("[data-next-review][data-status]");
    for (var i = 0; i < elements.length; i++) {
      var status = elements[i].getAttribute("data-status");
      if (Object.prototype.hasOwnProperty.call(counts, status)) { counts[status]++; total++; }
    }
    var policies = count(words.policyCount, total);
    var summaries = document.querySelectorAll("[data-review-summary]");
    for (var j = 0; j < summaries.length; j++) {
      var summary = summaries[j];
      if (summary.getAttribute("data-review-summary") === "governors") {
        setText(summary, fill(words.governorsSummary, { policies: policies, overdue: String(counts["overdue"]),
          dueSoon: String(counts["due-soon"]), current: String(counts["current"]) }));
        continue;
      }
      while (summary.firstChild) { summary.removeChild(summary.firstChild); }
      summary.appendChild(document.createTextNode(fill(words.indexTotal, { policies: policies }) + " "));
      if (counts["overdue"] > 0) {
        var strong = document.createElement("strong");
        strong.textContent = count(words.indexOverdue, counts["overdue"]);
        summary.appendChild(strong);
        summary.appendChild(document.createTextNode(" "));
      }
      if (counts["due-soon"] > 0) {
        summary.appendChild(document.createTextNode(count(words.indexDueSoon, counts["due-soon"]) + " "));
      }
      if (counts["overdue"] === 0 && counts["due-soon"] === 0) {
        summary.appendChild(document.createTextNode(words.indexAllCurrent));
      }
    }
  }

  function readWords() {
    var script = document.querySelector("script[data-review-words]");
    try {
      var words = JSON.parse(script ? script.getAttribute("data-review-words") : "");
      return words && words.statuses && words.monthNames ? words : null;
    } catch (error) {
      return null;
    }
  }

  function run() {
    var words = readWords();
    if (!words) { return; }
    var today = isoDay(new Date());
    var elements = document.querySelectorAll("[data-next-review]");
    var updated = 0;
    for (var i = 0; i < elements.length; i++) {
      if (update(words, elements[i], today)) { updated++; }
    }
    summarise(words);
    var note = document.querySelector("[data-review-as-of]");
    var built = note ? note.getAttribute("data-review-as-of") : "";
    if (updated > 0 && ISO_DAY.test(built) && built !== today) {
      note.textContent = fill(words.readerDate, { today: spelledDay(words, today), built: spelledDay(words, built) });
    }
  }

  if (typeof document === "undefined") {
    // Not in a page: hand the rules to a test runner (node), which compares them with the build's.
    if (typeof module === "object" && module.exports) { module.exports = { review: review, fill: fill }; }
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
}());
