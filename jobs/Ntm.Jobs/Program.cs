using System.Text;
using Ntm.Jobs.Cli;

Console.OutputEncoding = Encoding.UTF8;
// Output to a pipe or a file is buffered (a CSV of millions of rows would otherwise cost a system
// call per field); a terminal keeps the console's own writer, which shows each line at once.
// The standard output is written as the file it is (not through the console's stream, which drops
// what a closed pipe refuses): when the reader goes away ('| head -1'), the next write fails and
// ntm stops quietly instead of running on.
var output = Console.IsOutputRedirected
    ? new StreamWriter(StandardOutput.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false }
    : Console.Out;
try
{
    // The composition root: the one place the system clock is taken; everything else is given it.
#pragma warning disable RS0030
    return await new NtmApp(output, Console.Error, TimeProvider.System).RunAsync(args);
#pragma warning restore RS0030
}
finally
{
    try
    {
        output.Flush();
    }
    catch (IOException)
    {
        // The reader went away, or the disk is full: said by the verb already when it mattered.
    }
}
