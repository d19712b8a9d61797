// deportmap's interactive embed: the script the HTML export inlines (no framework, no
// network). It reads the JSON block #deportmap-data, recolours the inline SVG's country
// paths for the slider's date from each country's change points, updates the date and
// the legend counts, and shows a tooltip on hover and a panel of dated history with
// source links on click. A date in the address's hash ("#date=2025-07-01") is the start.
(function () {
  "use strict";
  var root = document.getElementById("deportmap");
  var data = JSON.parse(document.getElementById("deportmap-data").textContent);
  var svg = root.querySelector("svg");
  var slider = root.querySelector(".dm-slider");
  var dateText = root.querySelector(".dm-date");
  var play = root.querySelector(".dm-play");
  var tip = root.querySelector(".dm-tip");
  var panel = root.querySelector(".dm-panel");
  var legend = root.querySelector(".dm-legend");
  var statusByKey = {};
  data.statuses.forEach(function (s) { statusByKey[s.key] = s; });
  var DAY = 86400000;
  function dayOf(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / DAY); }
  function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  var months = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  function longDate(day) {
    var d = new Date(day * DAY);
    return d.getUTCDate() + " " + months[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }
  var first = dayOf(data.first), last = dayOf(data.last);
  slider.min = first; slider.max = last; slider.step = 1;

  // A country's state on `day`: the last change point on or before it.
  function stateAt(c, day) {
    var s = null;
    for (var i = 0; i < c.changes.length; i++) {
      if (dayOf(c.changes[i][0]) <= day) s = c.changes[i]; else break;
    }
    return s && s[1] ? { key: s[1], since: s[2] } : null;
  }
  var paths = {};
  svg.querySelectorAll("path[id]").forEach(function (p) { paths[p.id] = p; });
  var overlays = svg.querySelectorAll("#approximate, #patterns");
  var current = first, highlighted = null;

  function render(day) {
    current = day;
    slider.value = day;
    slider.setAttribute("aria-valuetext", longDate(day));
    dateText.textContent = "As of " + longDate(day);
    var counts = {};
    data.statuses.forEach(function (s) { counts[s.key] = 0; });
    Object.keys(data.countries).forEach(function (iso) {
      var st = stateAt(data.countries[iso], day);
      if (st) counts[st.key] = (counts[st.key] || 0) + 1;
      var p = paths[iso];
      if (!p) return;
      var colour = st ? statusByKey[st.key].colour : data.no_data;
      var dim = highlighted && (!st || st.key !== highlighted);
      p.style.fill = colour;
      p.style.fillOpacity = dim ? "0.35" : "1";
      p.setAttribute("data-status", st ? st.key : "none");
    });
    // The stripes and patterns belong to the export's own date.
    overlays.forEach(function (g) { g.style.display = day === dayOf(data.date) ? "" : "none"; });
    legend.querySelectorAll("[data-key]").forEach(function (li) {
      li.querySelector(".dm-count").textContent = counts[li.getAttribute("data-key")] || 0;
    });
  }

  function describe(iso, day) {
    var c = data.countries[iso];
    var st = stateAt(c, day);
    return c.name + ": " + (st ? statusByKey[st.key].label + " since " + st.since : "no known request");
  }
  function showPanel(iso) {
    var c = data.countries[iso];
    panel.textContent = "";
    var h = document.createElement("h3");
    h.textContent = describe(iso, current);
    panel.appendChild(h);
    c.history.forEach(function (e) {
      var item = document.createElement("div");
      item.className = "dm-event";
      var head = document.createElement("strong");
      head.textContent = e.date + " \u2014 " + (statusByKey[e.status] ? statusByKey[e.status].label : e.status);
      item.appendChild(head);
      var text = document.createElement("p");
      text.textContent = e.summary;
      item.appendChild(text);
      e.sources.forEach(function (s) {
        var a = document.createElement("a");
        a.href = s.url; a.target = "_blank"; a.rel = "noopener";
        a.textContent = (s.outlet || s.publisher) + " (" + s.tier + ")";
        item.appendChild(a);
        item.appendChild(document.createTextNode(" "));
      });
      panel.appendChild(item);
    });
    var close = document.createElement("button");
    close.textContent = "Close";
    close.addEventListener("click", function () { panel.hidden = true; });
    panel.appendChild(close);
    panel.hidden = false;
  }

  Object.keys(paths).forEach(function (iso) {
    var p = paths[iso];
    if (!data.countries[iso]) return;
    p.setAttribute("tabindex", "0");
    p.setAttribute("role", "button");
    p.setAttribute("aria-label", data.countries[iso].name);
    p.addEventListener("mousemove", function (ev) {
      tip.textContent = describe(iso, current);
      tip.style.left = (ev.offsetX + 12) + "px";
      tip.style.top = (ev.offsetY + 12) + "px";
      tip.hidden = false;
    });
    p.addEventListener("mouseleave", function () { tip.hidden = true; });
    p.addEventListener("focus", function () { tip.textContent = describe(iso, current); tip.hidden = false; });
    p.addEventListener("click", function () { showPanel(iso); });
    p.addEventListener("keydown", function (ev) { if (ev.key === "Enter") showPanel(iso); });
  });
  legend.querySelectorAll("[data-key]").forEach(function (li) {
    li.addEventListener("mouseenter", function () { highlighted = li.getAttribute("data-key"); render(current); });
    li.addEventListener("mouseleave", function () { highlighted = null; render(current); });
  });
  slider.addEventListener("input", function () { render(Number(slider.value)); });
  slider.addEventListener("keydown", function (ev) {
    // Arrows step from event day to event day.
    var days = data.event_days.map(dayOf);
    if (ev.key === "ArrowRight" || ev.key === "ArrowLeft") {
      ev.preventDefault();
      var next = ev.key === "ArrowRight" ? days.find(function (d) { return d > current; })
                                         : days.slice().reverse().find(function (d) { return d < current; });
      if (next !== undefined) render(next);
    }
  });
  var timer = null;
  play.addEventListener("click", function () {
    if (timer) { clearInterval(timer); timer = null; play.textContent = "Play"; return; }
    if (current >= last) render(first);
    play.textContent = "Pause";
    timer = setInterval(function () {
      if (current >= last) { clearInterval(timer); timer = null; play.textContent = "Play"; return; }
      render(Math.min(last, current + 7));
    }, 100);
  });
  var start = dayOf(data.date);
  var m = /date=(\d{4}-\d{2}-\d{2})/.exec(location.hash);
  if (m) start = Math.min(last, Math.max(first, dayOf(m[1])));
  render(start);
  root.setAttribute("data-ready", "true");
})();
