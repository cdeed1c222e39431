namespace ReportEngine.Cli;

/// <summary>
/// A new account's password: the first line of a file (--password-file), else typed at a prompt without
/// echo, twice; never a command-line argument, which `ps` and the shell's history would keep.
/// When standard input is not a terminal (a script pipes it), its first line is read without a prompt.
/// </summary>
internal static class PasswordInput
{
    public static string Read(string? file, TextWriter prompt)
    {
        if (file is not null)
        {
            var path = Path.GetFullPath(file, CliContext.WorkingDirectory);
            if (!File.Exists(path))
            {
                throw new ReportEngineException($"There is no password file at {path}.");
            }

            return FirstLine(File.ReadAllText(path), $"The password file {path}");
        }

        if (Console.IsInputRedirected)
        {
            return FirstLine(Console.In.ReadLine() ?? "", "Standard input");
        }

        var password = Prompt("Password: ", prompt);
        if (Prompt("Again: ", prompt) != password)
        {
            throw new ReportEngineException("The two passwords differ; nothing was changed.");
        }

        return password;
    }

    private static string FirstLine(string text, string what)
    {
        var line = text.Split('\n')[0].TrimEnd('\r');
        return line.Length > 0 ? line : throw new ReportEngineException($"{what} holds no password (its first line is empty).");
    }

    private static string Prompt(string label, TextWriter prompt)
    {
        prompt.Write(label);
        prompt.Flush();
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                prompt.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
