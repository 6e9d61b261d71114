// gpcheck serve: two small enhancements; every page works without them.
// 1. Forms marked .autosave save each change at once (the server checks the CSRF token and
//    the version of the part, so another tab's answer is never overwritten silently).
// 2. The facilitator page fetches its live part again every few seconds.
"use strict";

function autosave(form) {
  const status = form.querySelector(".status");
  let timer = null;
  let inflight = null;
  const save = () => {
    const data = new URLSearchParams(new FormData(form));
    data.set("go", "stay");
    inflight = fetch(form.action, {
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
          const count = document.querySelector(".who .count");
          if (count && answer.answered) count.textContent = answer.answered;
        } else {
          status.textContent = Object.values(answer.errors).join(" ");
          status.classList.add("problem");
        }
      })
      .catch(() => {
        status.textContent = status.dataset.offline || "…";
        status.classList.add("problem");
      })
      .finally(() => {
        inflight = null;
      });
  };
  form.addEventListener("change", () => {
    clearTimeout(timer);
    timer = setTimeout(save, 150);
  });
  // A button saves the whole form itself: drop a pending autosave, and let one already on
  // its way finish first, so the page sends the version that autosave just wrote.
  form.addEventListener("submit", (event) => {
    clearTimeout(timer);
    if (inflight) {
      event.preventDefault();
      const button = event.submitter;
      inflight.then(() => form.requestSubmit(button));
    }
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
