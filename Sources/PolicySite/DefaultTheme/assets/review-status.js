/* policysite: keeps review statuses true when a page is read long after it was built.
 *
 * Each element with data-next-review, data-due-soon-from and data-overdue-from gets its
 * status, label, icon, class and sentence worked out again from the reader's own date,
 * by the same rules and in the same words as the build (ReviewSchedule.sentence,
 * ReviewSchedule.timing). Without this script the page shows the build's statuses. */
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December"];
  var LABELS = { "current": "Up to date", "due-soon": "Review due soon", "overdue": "Review overdue" };
  var ICONS = { "current": "\u2713", "due-soon": "!", "overdue": "\u2715" };
  var STATUS_CLASS = /^(.+)--(current|due-soon|overdue)$/;
  var ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
  var ISO_MONTH = /^(\d{4})-(\d{2})$/;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function isoDay(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function spelledDay(iso) {
    var m = ISO_DAY.exec(iso);
    return Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1];
  }

  // "in September 2017" for a month, "on 15 September 2017" for a day, and the month's index.
  function reviewDate(text) {
    var m = ISO_MONTH.exec(text);
    if (m) {
      return { preposition: "in " + MONTHS[Number(m[2]) - 1] + " " + m[1], index: Number(m[1]) * 12 + Number(m[2]) - 1 };
    }
    m = ISO_DAY.exec(text);
    if (m) {
      return { preposition: "on " + spelledDay(text), index: Number(m[1]) * 12 + Number(m[2]) - 1 };
    }
    return null;
  }

  function unit(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // "1 month", "2 years", "9 years and 2 months".
  function duration(total) {
    var years = Math.floor(total / 12), months = total % 12;
    if (years === 0) { return unit(months, "month"); }
    if (months === 0) { return unit(years, "year"); }
    return unit(years, "year") + " and " + unit(months, "month");
  }

  function statusOn(today, dueSoonFrom, overdueFrom) {
    if (today >= overdueFrom) { return "overdue"; }
    if (today >= dueSoonFrom) { return "due-soon"; }
    return "current";
  }

  function sentence(status, due, months) {
    switch (status) {
      case "current":
        return "This policy is next due for review " + due.preposition + ".";
      case "due-soon":
        return "This policy is due for review " + due.preposition + ", " + (months === 0 ? "this month" : "in " + duration(-months)) + ".";
      default:
        return "This policy was due for review " + due.preposition + ", " + (months === 0 ? "earlier this month" : duration(months) + " ago") + ".";
    }
  }

  function timing(status, months) {
    if (status === "overdue") { return months === 0 ? "earlier this month" : duration(months) + " ago"; }
    return months === 0 ? "this month" : "in " + duration(-months);
  }

  function setText(element, text) {
    if (element && element.textContent !== text) { element.textContent = text; }
  }

  // The label is "<icon> Label" or "<icon> Label:"; the icon's span stays, the words change.
  function setLabel(element, status) {
    if (!element) { return; }
    var icon = element.querySelector(".status-icon");
    setText(icon, ICONS[status]);
    var colon = /:\s*$/.test(element.textContent) ? ":" : "";
    var node = icon ? icon.nextSibling : element.firstChild;
    while (node && node.nextSibling) { element.removeChild(node.nextSibling); }
    var words = (icon ? " " : "") + LABELS[status] + colon;
    if (node && node.nodeType === 3) { node.nodeValue = words; } else { element.appendChild(document.createTextNode(words)); }
  }

  function update(element, today, todayIndex) {
    var dueSoonFrom = element.getAttribute("data-due-soon-from");
    var overdueFrom = element.getAttribute("data-overdue-from");
    var due = reviewDate(element.getAttribute("data-next-review") || "");
    if (!due || !ISO_DAY.test(dueSoonFrom || "") || !ISO_DAY.test(overdueFrom || "")) { return false; }
    var status = statusOn(today, dueSoonFrom, overdueFrom);
    var months = todayIndex - due.index;
    element.setAttribute("data-status", status);
    var classes = element.className.split(/\s+/);
    for (var i = 0; i < classes.length; i++) {
      var m = STATUS_CLASS.exec(classes[i]);
      if (m) { classes[i] = m[1] + "--" + status; }
    }
    element.className = classes.join(" ");
    setLabel(element.querySelector(".banner__label, .status__label"), status);
    setText(element.querySelector(".banner__sentence, .status__sentence"), sentence(status, due, months));
    setText(element.querySelector(".status__timing"), timing(status, months));
    return true;
  }

  function plural(n, one, many) { return n === 1 ? "1 " + one : n + " " + many; }

  // The counts above the lists, in the build's words (IndexPageView, GovernorsPageView).
  function summarise() {
    var counts = { "current": 0, "due-soon": 0, "overdue": 0 }, total = 0;
    var elements = document.querySelectorAll("[data-next-review][data-status]");
    for (var i = 0; i < elements.length; i++) {
      var status = elements[i].getAttribute("data-status");
      if (counts.hasOwnProperty(status)) { counts[status]++; total++; }
    }
    var summaries = document.querySelectorAll("[data-review-summary]");
    for (var j = 0; j < summaries.length; j++) {
      var summary = summaries[j];
      if (summary.getAttribute("data-review-summary") === "governors") {
        setText(summary, plural(total, "policy", "policies") + ": " + counts["overdue"] + " overdue, " + counts["due-soon"] +
          " due for review soon, " + counts["current"] + " up to date.");
        continue;
      }
      while (summary.firstChild) { summary.removeChild(summary.firstChild); }
      summary.appendChild(document.createTextNode(plural(total, "policy", "policies") + " in all. "));
      if (counts["overdue"] > 0) {
        var strong = document.createElement("strong");
        strong.textContent = plural(counts["overdue"], "policy is", "policies are") + " overdue for review.";
        summary.appendChild(strong);
        summary.appendChild(document.createTextNode(" "));
      }
      if (counts["due-soon"] > 0) {
        summary.appendChild(document.createTextNode(plural(counts["due-soon"], "policy is", "policies are") + " due for review soon. "));
      }
      if (counts["overdue"] === 0 && counts["due-soon"] === 0) {
        summary.appendChild(document.createTextNode("Every policy is up to date."));
      }
    }
  }

  function run() {
    var now = new Date();
    var today = isoDay(now);
    var todayIndex = now.getFullYear() * 12 + now.getMonth();
    var elements = document.querySelectorAll("[data-next-review]");
    var updated = 0;
    for (var i = 0; i < elements.length; i++) {
      if (update(elements[i], today, todayIndex)) { updated++; }
    }
    summarise();
    var note = document.querySelector("[data-review-as-of]");
    if (updated > 0 && note && note.getAttribute("data-review-as-of") !== today) {
      note.textContent = "Review statuses are shown for your date, " + spelledDay(today) +
        " (this page was built on " + spelledDay(note.getAttribute("data-review-as-of")) + ").";
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
}());
