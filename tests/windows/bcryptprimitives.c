/* TEST ONLY, never shipped: wine 8 has no bcryptprimitives.dll, whose ProcessPrng Rust's
 * standard library (1.78 and later) imports on Windows. This stub forwards it to
 * SystemFunction036 (RtlGenRandom, advapi32), which wine has. scripts/wine-lauf builds it
 * with mingw into the test prefix's system32; the installer and the program never carry it. */
#include <windows.h>
typedef BOOLEAN (WINAPI *Rtl)(PVOID, ULONG);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE daten, SIZE_T laenge) {
  static Rtl rtl = NULL;
  if (!rtl) rtl = (Rtl)GetProcAddress(LoadLibraryA("advapi32.dll"), "SystemFunction036");
  while (laenge > 0) {
    ULONG stueck = laenge > 0x40000000 ? 0x40000000 : (ULONG)laenge;
    if (!rtl(daten, stueck)) return FALSE;
    daten += stueck;
    laenge -= stueck;
  }
  return TRUE;
}
