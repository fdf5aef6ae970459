// Starts every GOV.UK Frontend component on the page. Pages work without it.
import { initAll } from "/static/govuk/govuk-frontend.min.js";
import { initAddAnother } from "/static/js/add-another.js";

initAll();
initAddAnother();
