// Browser fullscreen for the cockpit. The layout hides the app's bars by itself; this asks the browser to hide its
// own too. enter() returns null on success or the browser's refusal text; leaving with Esc is reported back.
export async function enter(display) {
    const root = document.documentElement;
    if (document.fullscreenElement) {
        return null;
    }
    if (!root.requestFullscreen) {
        return "this browser has no Fullscreen API";
    }
    try {
        await root.requestFullscreen();
    } catch (e) {
        return e && e.message ? e.message : String(e);
    }
    const onChange = () => {
        if (!document.fullscreenElement) {
            document.removeEventListener("fullscreenchange", onChange);
            display.invokeMethodAsync("BrowserFullscreenLeft");
        }
    };
    document.addEventListener("fullscreenchange", onChange);
    return null;
}

export async function leave() {
    if (document.fullscreenElement) {
        await document.exitFullscreen();
    }
}
