(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  var sev = document.getElementById("f-sev"), rule = document.getElementById("f-rule"),
      file = document.getElementById("f-file"), out = document.getElementById("f-count");
  var files = Array.prototype.slice.call(document.querySelectorAll("section.file"));
  var groups = files.map(function (s) { return s.querySelectorAll("article.v"); });
  var total = 0;
  groups.forEach(function (g) { total += g.length; });
  function apply() {
    var s = sev.value, r = rule.value, f = file.value, shown = 0;
    files.forEach(function (sec, i) {
      var any = 0, inFile = !f || sec.getAttribute("data-file") === f, vs = groups[i];
      for (var j = 0; j < vs.length; j++) {
        var a = vs[j], ok = inFile && (!s || a.classList.contains(s)) &&
                            (!r || a.getAttribute("data-rule") === r);
        if (a.hidden === ok) a.hidden = !ok;
        any += ok;
      }
      sec.hidden = !any;
      shown += any;
    });
    out.value = shown + " / " + total;
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  out.value = total + " / " + total; /* everything is shown until a filter changes */
}());
