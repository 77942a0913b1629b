; The Windows installer of แบบรายงานโครงการ (BMA Project Report), built by build.sh:
;   makensis -DVERSION=0.1.0 -DAPPDIR=... -DFILES=files.nsh -DOUTFILE=... installer.nsi
;
; Per user by default: no administrator rights, into %LOCALAPPDATA%\Programs\BMAProjectReport,
; registered under HKCU. `setup.exe /ALLUSERS` (from an elevated prompt, or a deployment tool
; running as SYSTEM) installs for every user into Program Files, for offices whose AppLocker
; rules run programs only from there. `/S` is silent, `/D=FOLDER` chooses the folder.
;
; The drafts are never here: they live in %LOCALAPPDATA%\BMAProjectReport (storage.paths),
; so an upgrade (installing over the old version) and the uninstaller leave them alone.

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma
SetCompressorDictSize 64
; no file times in the installer: two builds of the same sources give the same bytes
SetDateSave off

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include WinVer.nsh
!include x64.nsh

!define APP_ID "BMAProjectReport"
!define APP_NAME "แบบรายงานโครงการ"
!define PUBLISHER "BMA Project Report"
!define PROG_ID "BMAProjectReport.Report"
!define EXT ".bmareport"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define RUN_ARGS "-I -m main"
!define MIN_BUILD 17763 ; Windows 10 version 1809
!define RUNNING_MUTEX "Global\BMAProjectReport.Running" ; held by the open window (ui/app.py)

Name "${APP_NAME}"
Caption "ติดตั้ง ${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
BrandingText "${APP_NAME} ${VERSION}"
Icon "${APPDIR}\app.ico"
UninstallIcon "${APPDIR}\app.ico"
ShowInstDetails hide
ShowUninstDetails hide

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME} (BMA Project Report)"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "ติดตั้ง ${APP_NAME}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT; Sarabun font SIL OFL 1.1"

Var AllUsers

!define MUI_ICON "${APPDIR}\app.ico"
!define MUI_UNICON "${APPDIR}\app.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "เปิด ${APP_NAME} เลย"
!define MUI_FINISHPAGE_RUN_FUNCTION StartApp
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Thai"

; The window open while its files are replaced or removed would fail half way (Windows locks
; loaded DLLs): ask to close it first. Silent (/S) runs give up with exit code 5.
!macro CHECK_NOT_RUNNING UN
Function ${UN}CheckNotRunning
  retry:
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}") p .r0 ?e'
  Pop $1 ; the last error: 5 (access denied) is a mutex of another user's window
  ${If} $0 != 0
  ${OrIf} $1 == 5
    System::Call 'kernel32::CloseHandle(p r0)'
    MessageBox MB_ICONEXCLAMATION|MB_RETRYCANCEL "${APP_NAME} เปิดอยู่ — ปิดหน้าต่างโปรแกรมก่อน แล้วกด $\"ลองอีกครั้ง (Retry)$\"$\r$\n(งานที่พิมพ์ไว้ถูกบันทึกอัตโนมัติแล้ว)" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 5
    Quit
  ${EndIf}
FunctionEnd
!macroend
!insertmacro CHECK_NOT_RUNNING ""
!insertmacro CHECK_NOT_RUNNING "un."

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_ICONSTOP|MB_OK "${APP_NAME} ใช้ได้กับ Windows 10 รุ่น 1809 ขึ้นไป หรือ Windows 11 แบบ 64 บิต$\r$\nเครื่องนี้ใช้ Windows รุ่นที่เก่ากว่า — โปรดติดต่อผู้ดูแลเครื่องเพื่อปรับปรุง Windows ก่อนติดตั้ง" /SD IDOK
    SetErrorLevel 3
    Abort
  ${EndIf}
  Call CheckNotRunning
  SetRegView 64
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    UserInfo::GetAccountType
    Pop $R2
    ${If} $R2 != "Admin"
      MessageBox MB_ICONSTOP|MB_OK "การติดตั้งสำหรับผู้ใช้ทุกคน (/ALLUSERS) ต้องใช้สิทธิ์ผู้ดูแลระบบ$\r$\nคลิกขวาที่พรอมต์คำสั่งแล้วเลือก $\"Run as administrator$\" แล้วสั่งติดตั้งอีกครั้ง หรือติดตั้งเฉพาะผู้ใช้นี้โดยไม่ใส่ /ALLUSERS" /SD IDOK
      SetErrorLevel 4
      Abort
    ${EndIf}
    StrCpy $AllUsers 1
    ; /D= (already in $INSTDIR) wins over the default folder; compared while $LOCALAPPDATA
    ; is still the user's (SetShellVarContext all changes it)
    ${If} $INSTDIR == "$LOCALAPPDATA\Programs\${APP_ID}"
      StrCpy $INSTDIR "$PROGRAMFILES64\${APP_ID}"
      StrCpy $R4 1
    ${EndIf}
    SetShellVarContext all
  ${Else}
    ${If} $INSTDIR == "$LOCALAPPDATA\Programs\${APP_ID}"
      StrCpy $R4 1
    ${EndIf}
    SetShellVarContext current
  ${EndIf}
  ; an upgrade goes where the installed version is (a folder chosen then), unless /D= says
  ${If} $R4 == 1
    ReadRegStr $R5 SHCTX "${UNINSTALL_KEY}" "InstallLocation"
    ${If} $R5 != ""
      StrCpy $INSTDIR $R5
    ${EndIf}
  ${EndIf}
FunctionEnd

; Only an empty folder or one of ours (it holds install.ini) may become the program folder:
; the upgrade and the uninstaller delete inside it.
Function .onVerifyInstDir
  Call IsUsableFolder
  Pop $0
  ${If} $0 != 1
    Abort
  ${EndIf}
FunctionEnd

Function IsUsableFolder
  ${If} ${FileExists} "$INSTDIR\install.ini"
  ${OrIfNot} ${FileExists} "$INSTDIR\*.*"
    Push 1
    Return
  ${EndIf}
  ${DirState} "$INSTDIR" $0
  ${If} $0 == 0 ; exists and is empty
    Push 1
  ${Else}
    Push 0
  ${EndIf}
FunctionEnd

Function StartApp
  ${If} $AllUsers == 1
    ; an elevated installer would start the window as the administrator, with drafts in the
    ; administrator's folder: started through Explorer it runs as the signed-in user
    Exec '"$WINDIR\explorer.exe" "$SMPROGRAMS\${APP_NAME}.lnk"'
  ${Else}
    Exec '"$INSTDIR\pythonw.exe" ${RUN_ARGS}'
  ${EndIf}
FunctionEnd

Section "โปรแกรม" SecApp
  SectionIn RO
  Call IsUsableFolder
  Pop $0
  ${If} $0 != 1
    MessageBox MB_ICONSTOP|MB_OK "โฟลเดอร์ $INSTDIR มีไฟล์อื่นอยู่แล้ว — เลือกโฟลเดอร์ว่างหรือโฟลเดอร์ใหม่สำหรับติดตั้งโปรแกรม" /SD IDOK
    SetErrorLevel 6
    Quit
  ${EndIf}
  ; an upgrade replaces the old program files: modules a new version no longer has must
  ; not linger and be imported (drafts are elsewhere, see the top of this file)
  RMDir /r "$INSTDIR\Lib"
  RMDir /r "$INSTDIR\licenses"
  !include "${FILES}"
  WriteINIStr "$INSTDIR\install.ini" "install" "all_users" "$AllUsers"
  WriteINIStr "$INSTDIR\install.ini" "install" "version" "${VERSION}"

  ; compiled once here: Program Files is read-only to the app, which would otherwise
  ; compile every module on every start
  DetailPrint "กำลังเตรียมโปรแกรมให้เปิดได้เร็ว…"
  nsExec::ExecToLog '"$INSTDIR\python.exe" -I -m compileall -q -j 0 --invalidation-mode unchecked-hash "$INSTDIR\Lib"'
  Pop $0

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\pythonw.exe" "${RUN_ARGS}" "$INSTDIR\app.ico" 0 SW_SHOWNORMAL "" "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\pythonw.exe" "${RUN_ARGS}" "$INSTDIR\app.ico" 0 SW_SHOWNORMAL "" "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"

  ; the app's own file type (the interchange JSON as .bmareport) opens in the app; .json,
  ; .pdf and .txt belong to other programs, so the app is only offered under "Open with"
  WriteRegStr SHCTX "Software\Classes\${EXT}" "" "${PROG_ID}"
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}" "" "แบบรายงานโครงการ"
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\app.ico,0"
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\pythonw.exe" ${RUN_ARGS} "%1"'
  WriteRegStr SHCTX "Software\Classes\.json\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr SHCTX "Software\Classes\.pdf\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr SHCTX "Software\Classes\.txt\OpenWithProgids" "${PROG_ID}" ""
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME} (BMA Project Report)"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\app.ico"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Function un.onInit
  Call un.CheckNotRunning
  SetRegView 64
  ReadINIStr $AllUsers "$INSTDIR\install.ini" "install" "all_users"
  ${If} $AllUsers == 1
    UserInfo::GetAccountType
    Pop $R2
    ${If} $R2 != "Admin"
      MessageBox MB_ICONSTOP|MB_OK "${APP_NAME} ติดตั้งไว้สำหรับผู้ใช้ทุกคน การถอนการติดตั้งต้องใช้สิทธิ์ผู้ดูแลระบบ$\r$\nโปรดให้ผู้ดูแลเครื่องถอนการติดตั้ง (หรือเรียก uninstall.exe ด้วย $\"Run as administrator$\")" /SD IDOK
      SetErrorLevel 4
      Quit
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ReadRegStr $0 SHCTX "Software\Classes\${EXT}" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegKey SHCTX "Software\Classes\${EXT}"
  ${EndIf}
  DeleteRegKey SHCTX "Software\Classes\${PROG_ID}"
  DeleteRegValue SHCTX "Software\Classes\.json\OpenWithProgids" "${PROG_ID}"
  DeleteRegValue SHCTX "Software\Classes\.pdf\OpenWithProgids" "${PROG_ID}"
  DeleteRegValue SHCTX "Software\Classes\.txt\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ; only what the installer put there (files.nsh's list; __pycache__ inside Lib), then the
  ; folder if that left it empty: the drafts in %LOCALAPPDATA%\BMAProjectReport stay
  !include "${UNFILES}"
  Delete "$INSTDIR\install.ini"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd
