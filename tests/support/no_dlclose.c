/* Tests-only LD_PRELOAD shim for sanitizer runs: dlclose() does nothing.
 *
 * Why: Mesa unloads its driver libraries (the EGL/GL vendor library, the DRI driver) at exit,
 * before LeakSanitizer looks. Allocations those libraries made and still hold then show up as
 * leaks with "<unknown module>" frames, which no suppression can name. With the libraries kept
 * loaded, their memory stays reachable and attributable, and only real leaks are reported: our
 * own code is never unloaded, so this hides nothing of ours. Preload it AFTER the ASan runtime.
 * Never shipped: only deploy/ci/sanitizers.sh uses it. */
int dlclose(void* handle) {
    (void)handle;
    return 0;
}
