; The Windows installer of Ratsbüro (NSIS 3, built by scripts/windows with makensis from
; Debian; Tauri's own NSIS bundler downloads its tools and cannot run here).
;   Ratsbuero-Setup.exe            asks, then installs for all users (administrator)
;   Ratsbuero-Setup.exe /S         silent, per machine (the town's IT, software deployment)
;   "C:\Program Files\Ratsbüro\Deinstallieren.exe" /S    removes the program silently
; It installs the app (ratsbuero-desktop.exe, WebView2Loader.dll beside it), the command
; line (ratsbuero.exe), the Start menu entry „Ratsbüro“, and registers the uninstaller.
; It checks that the Microsoft Edge WebView2 runtime is installed and says in German what
; IT has to do when it is not (the program itself says so too at its start).
; Uninstalling never touches the office's data (%APPDATA%\Ratsbuero, a server database).
; A 64-bit installer (amd64 stub): Windows 10/11 x64, and wine64 runs it under the tests.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef QUELLE
  !define QUELLE "."
!endif

Name "Ratsbüro"
OutFile "${AUSGABE}"
InstallDir "$PROGRAMFILES64\Ratsbüro"
BrandingText "Ratsbüro ${VERSION}"
Icon "${QUELLE}\icon.ico"
UninstallIcon "${QUELLE}\icon.ico"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1031 "ProductName" "Ratsbüro"
VIAddVersionKey /LANG=1031 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1031 "CompanyName" "Ratsbüro-Entwicklung"
VIAddVersionKey /LANG=1031 "FileDescription" "Ratsbüro – Installation"
VIAddVersionKey /LANG=1031 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1031 "LegalCopyright" "EUPL-1.2"

!include "MUI2.nsh"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "German"

!define UNINST "Software\Microsoft\Windows\CurrentVersion\Uninstall\Ratsbuero"
!define WEBVIEW2 "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Function .onInit
  SetShellVarContext all
  SetRegView 64
FunctionEnd

Section "Ratsbüro" Haupt
  SetOutPath "$INSTDIR"
  File "${QUELLE}\ratsbuero-desktop.exe"
  File "${QUELLE}\WebView2Loader.dll"
  File "${QUELLE}\ratsbuero.exe"
  File "${QUELLE}\LIESMICH.txt"
  WriteUninstaller "$INSTDIR\Deinstallieren.exe"
  CreateShortcut "$SMPROGRAMS\Ratsbüro.lnk" "$INSTDIR\ratsbuero-desktop.exe" "" "$INSTDIR\ratsbuero-desktop.exe" 0
  WriteRegStr HKLM "${UNINST}" "DisplayName" "Ratsbüro"
  WriteRegStr HKLM "${UNINST}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST}" "Publisher" "Ratsbüro-Entwicklung"
  WriteRegStr HKLM "${UNINST}" "DisplayIcon" "$INSTDIR\ratsbuero-desktop.exe"
  WriteRegStr HKLM "${UNINST}" "UninstallString" '"$INSTDIR\Deinstallieren.exe"'
  WriteRegStr HKLM "${UNINST}" "QuietUninstallString" '"$INSTDIR\Deinstallieren.exe" /S'
  WriteRegDWORD HKLM "${UNINST}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST}" "NoRepair" 1

  ; WebView2: per machine (64 and 32 bit view) or per user.
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2}" "pv"
  StrCmp $0 "" 0 +2
  ReadRegStr $0 HKLM "SOFTWARE\${WEBVIEW2}" "pv"
  StrCmp $0 "" 0 +2
  ReadRegStr $0 HKCU "Software\${WEBVIEW2}" "pv"
  StrCmp $0 "" ohne_webview2
  StrCmp $0 "0.0.0.0" ohne_webview2 fertig
  ohne_webview2:
    FileOpen $1 "$INSTDIR\WEBVIEW2-FEHLT.txt" w
    FileWrite $1 "Ratsbüro ist installiert, aber auf diesem PC fehlt die Microsoft Edge WebView2-Laufzeit, ohne die Ratsbüro kein Fenster öffnen kann.$\r$\nBitte installieren Sie die Evergreen-Laufzeit von Microsoft: MicrosoftEdgeWebView2RuntimeInstallerX64.exe /silent /install$\r$\n"
    FileClose $1
    DetailPrint "WebView2-Laufzeit fehlt: siehe $INSTDIR\WEBVIEW2-FEHLT.txt"
    MessageBox MB_ICONEXCLAMATION|MB_OK "Ratsbüro ist installiert, aber auf diesem PC fehlt die Microsoft Edge WebView2-Laufzeit.$\r$\n$\r$\nBitte installieren Sie die Evergreen-Laufzeit von Microsoft (MicrosoftEdgeWebView2RuntimeInstallerX64.exe /silent /install). Ohne sie öffnet Ratsbüro kein Fenster; die Kommandozeile ratsbuero.exe arbeitet auch so." /SD IDOK
    SetErrorLevel 3
  fertig:
SectionEnd

Function un.onInit
  SetShellVarContext all
  SetRegView 64
FunctionEnd

; Only what the installer wrote: the office's data stays.
Section "Uninstall"
  Delete "$INSTDIR\ratsbuero-desktop.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\ratsbuero.exe"
  Delete "$INSTDIR\LIESMICH.txt"
  Delete "$INSTDIR\WEBVIEW2-FEHLT.txt"
  Delete "$INSTDIR\Deinstallieren.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Ratsbüro.lnk"
  DeleteRegKey HKLM "${UNINST}"
SectionEnd
