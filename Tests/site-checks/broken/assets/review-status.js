// The one script the clean fixture may run (it is on the --allow-script list).
document.documentElement.dataset.reviewStatus = "checked";
