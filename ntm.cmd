@echo off
rem Runs the ntm command on Windows (cmd or PowerShell: .\ntm demo), building it first: the same
rem Release build as the README's dotnet run; an up-to-date build takes a few seconds.
setlocal
set "root=%~dp0"
dotnet build "%root%jobs\Ntm.Jobs\Ntm.Jobs.csproj" -c Release --nologo -v q >nul
if errorlevel 1 (
  dotnet build "%root%jobs\Ntm.Jobs\Ntm.Jobs.csproj" -c Release --nologo -v q
  exit /b 1
)
dotnet "%root%jobs\Ntm.Jobs\bin\Release\net10.0\ntm.dll" %*
