@echo off
rem Runs the ntm command on Windows (cmd or PowerShell: .\ntm demo), building it first
rem (Release, into .build\ntm); an up-to-date build takes a few seconds.
setlocal
set "root=%~dp0"
dotnet build "%root%jobs\Ntm.Jobs\Ntm.Jobs.csproj" -c Release -o "%root%.build\ntm" --nologo -v q >nul
if errorlevel 1 (
  dotnet build "%root%jobs\Ntm.Jobs\Ntm.Jobs.csproj" -c Release -o "%root%.build\ntm" --nologo -v q
  exit /b 1
)
dotnet "%root%.build\ntm\ntm.dll" %*
