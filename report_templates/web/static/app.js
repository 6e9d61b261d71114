// gpcheck serve: two small enhancements; every page works without them.
// 1. Forms marked .autosave save each change at once (the server checks the CSRF token and
//    the version of the part, so another tab's answer is never overwritten silently).
// 2. The facilitator page fetches its live part again every few seconds.
"use strict";

function autosave(form) {
  const status = form.querySelector(".status");
  let timer = null;
  const save = () => {
    const data = new URLSearchParams(new FormData(form));
    data.set("go", "stay");
    fetch(form.action, {
      method: "POST",
      body: data,
      headers: { "X-Autosave": "1" },
      credentials: "same-origin",
    })
      .then((r) => r.json())
      .then((answer) => {
        if (answer.ok) {
          form.querySelector("input[name=base]").value = answer.base;
          status.textContent = answer.status;
          status.classList.remove("problem");
        } else {
          status.textContent = Object.values(answer.errors).join(" ");
          status.classList.add("problem");
        }
      })
      .catch(() => {
        status.textContent = status.dataset.offline || "…";
        status.classList.add("problem");
      });
  };
  form.addEventListener("change", () => {
    clearTimeout(timer);
    timer = setTimeout(save, 150);
  });
}

function live(box) {
  const refresh = () => {
    fetch(box.dataset.url, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then((html) => {
        box.innerHTML = html;
      })
      .catch(() => {});
  };
  setInterval(refresh, 3000);
}

document.querySelectorAll("form.autosave").forEach(autosave);
const box = document.getElementById("live");
if (box) live(box);
