// Runs first in <body>: marks the page as able to run GOV.UK Frontend's JavaScript, so that
// components style themselves for it. An external file because the CSP allows no inline script.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
