import { useEffect, useState } from "react";

/** Reads the main content aloud with the browser's speech synthesis; hidden where the browser has none. */
export function ReadAloud({ label }: { label: string }) {
  const [supported, setSupported] = useState(false);
  useEffect(() => setSupported(typeof window !== "undefined" && "speechSynthesis" in window), []);
  if (!supported) return null;
  const speak = () => {
    const main = document.getElementById("main");
    if (!main) return;
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(main.innerText);
    utterance.lang = document.documentElement.lang || "zh-CN";
    window.speechSynthesis.speak(utterance);
  };
  return (
    <button type="button" className="link-button" onClick={speak}>
      {label}
    </button>
  );
}
