// Ntm.Analytics dashboard: small progressive helpers. Every page works without this file.
(function () {
  "use strict";

  // Area search: suggestions from the warehouse as the name is typed, with or without diacritics.
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2 || !list) { return; }
      timer = setTimeout(function () {
        fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(text), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (areas) {
            list.textContent = "";
            areas.forEach(function (area) {
              var option = document.createElement("option");
              option.value = area.code;
              option.label = area.name;
              option.textContent = area.name;
              list.appendChild(option);
            });
          })
          .catch(function () { /* the form still submits the text as typed */ });
      }, 150);
    });
  });

  // Upload: files dropped on the zone go into the form's file input.
  document.querySelectorAll(".drop").forEach(function (zone) {
    var input = zone.querySelector("input[type=file]");
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (event) {
      if (input && event.dataTransfer && event.dataTransfer.files.length > 0) {
        input.files = event.dataTransfer.files;
        var names = zone.querySelector(".names");
        if (names) {
          names.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", ");
        }
      }
    });
  });

  // Selects marked data-autosubmit send their form when changed.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { if (select.form) { select.form.submit(); } });
  });
})();
