using System.Runtime.InteropServices;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// The subset of DuckDB's C API the provider uses. Handles are plain pointers here; ownership
/// lives in the SafeHandle types so that every native object is released exactly once.
/// </summary>
internal static unsafe partial class NativeMethods
{
    public const string Library = "duckdb";
    public const int Success = 0;

    [LibraryImport(Library)]
    public static partial IntPtr duckdb_library_version();

    [LibraryImport(Library)]
    public static partial void duckdb_free(IntPtr ptr);

    [LibraryImport(Library)]
    public static partial ulong duckdb_vector_size();

    // Database and configuration.
    [LibraryImport(Library)]
    public static partial int duckdb_create_config(out IntPtr config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int duckdb_set_config(IntPtr config, string name, string option);

    [LibraryImport(Library)]
    public static partial void duckdb_destroy_config(ref IntPtr config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int duckdb_open_ext(string path, out IntPtr database, IntPtr config, out IntPtr error);

    [LibraryImport(Library)]
    public static partial void duckdb_close(ref IntPtr database);

    [LibraryImport(Library)]
    public static partial int duckdb_connect(IntPtr database, out IntPtr connection);

    [LibraryImport(Library)]
    public static partial void duckdb_disconnect(ref IntPtr connection);

    [LibraryImport(Library)]
    public static partial void duckdb_interrupt(IntPtr connection);

    // Queries and results.
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int duckdb_query(IntPtr connection, string query, DuckDbResultStruct* result);

    [LibraryImport(Library)]
    public static partial void duckdb_destroy_result(DuckDbResultStruct* result);

    [LibraryImport(Library)]
    public static partial IntPtr duckdb_result_error(DuckDbResultStruct* result);

    [LibraryImport(Library)]
    public static partial ulong duckdb_column_count(DuckDbResultStruct* result);

    [LibraryImport(Library)]
    public static partial IntPtr duckdb_column_name(DuckDbResultStruct* result, ulong column);

    [LibraryImport(Library)]
    public static partial IntPtr duckdb_column_logical_type(DuckDbResultStruct* result, ulong column);

    [LibraryImport(Library)]
    public static partial ulong duckdb_rows_changed(DuckDbResultStruct* result);

    [LibraryImport(Library)]
    public static partial IntPtr duckdb_fetch_chunk(DuckDbResultStruct result);

    // Logical types.
    [LibraryImport(Library)]
    public static partial DuckDbType duckdb_get_type_id(IntPtr logicalType);

    [LibraryImport(Library)]
    public static partial byte duckdb_decimal_width(IntPtr logicalType);

    [LibraryImport(Library)]
    public static partial byte duckdb_decimal_scale(IntPtr logicalType);

    [LibraryImport(Library)]
    public static partial DuckDbType duckdb_decimal_internal_type(IntPtr logicalType);

    [LibraryImport(Library)]
    public static partial void duckdb_destroy_logical_type(ref IntPtr logicalType);

    // Data chunks and vectors.
    [LibraryImport(Library)]
    public static partial IntPtr duckdb_create_data_chunk(IntPtr* types, ulong columnCount);

    [LibraryImport(Library)]
    public static partial void duckdb_destroy_data_chunk(ref IntPtr chunk);

    [LibraryImport(Library)]
    public static partial void duckdb_data_chunk_reset(IntPtr chunk);

    [LibraryImport(Library)]
    public static partial ulong duckdb_data_chunk_get_size(IntPtr chunk);

    [LibraryImport(Library)]
    public static partial void duckdb_data_chunk_set_size(IntPtr chunk, ulong size);

    [LibraryImport(Library)]
    public static partial IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong column);

    [LibraryImport(Library)]
    public static partial void* duckdb_vector_get_data(IntPtr vector);

    [LibraryImport(Library)]
    public static partial ulong* duckdb_vector_get_validity(IntPtr vector);

    [LibraryImport(Library)]
    public static partial void duckdb_vector_ensure_validity_writable(IntPtr vector);

    [LibraryImport(Library)]
    public static partial void duckdb_vector_assign_string_element_len(IntPtr vector, ulong index, byte* str, ulong length);

    // Prepared statements.
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial ulong duckdb_extract_statements(IntPtr connection, string query, out IntPtr extracted);

    [LibraryImport(Library)]
    public static partial int duckdb_prepare_extracted_statement(IntPtr connection, IntPtr extracted, ulong index, out IntPtr statement);

    [LibraryImport(Library)]
    public static partial IntPtr duckdb_extract_statements_error(IntPtr extracted);

    [LibraryImport(Library)]
    public static partial void duckdb_destroy_extracted(ref IntPtr extracted);

    [LibraryImport(Library)]
    public static partial IntPtr duckdb_prepare_error(IntPtr statement);

    [LibraryImport(Library)]
    public static partial void duckdb_destroy_prepare(ref IntPtr statement);

    [LibraryImport(Library)]
    public static partial ulong duckdb_nparams(IntPtr statement);

    [LibraryImport(Library)]
    public static partial IntPtr duckdb_parameter_name(IntPtr statement, ulong index);

    [LibraryImport(Library)]
    public static partial DuckDbStatementType duckdb_prepared_statement_type(IntPtr statement);

    [LibraryImport(Library)]
    public static partial int duckdb_clear_bindings(IntPtr statement);

    [LibraryImport(Library)]
    public static partial int duckdb_execute_prepared(IntPtr statement, DuckDbResultStruct* result);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_null(IntPtr statement, ulong index);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_boolean(IntPtr statement, ulong index, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_int8(IntPtr statement, ulong index, sbyte value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_int16(IntPtr statement, ulong index, short value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_int32(IntPtr statement, ulong index, int value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_int64(IntPtr statement, ulong index, long value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_uint8(IntPtr statement, ulong index, byte value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_uint16(IntPtr statement, ulong index, ushort value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_uint32(IntPtr statement, ulong index, uint value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_uint64(IntPtr statement, ulong index, ulong value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_hugeint(IntPtr statement, ulong index, DuckDbHugeInt value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_decimal(IntPtr statement, ulong index, DuckDbDecimal value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_float(IntPtr statement, ulong index, float value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_double(IntPtr statement, ulong index, double value);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_date(IntPtr statement, ulong index, int days);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_timestamp(IntPtr statement, ulong index, long micros);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_varchar_length(IntPtr statement, ulong index, byte* value, ulong length);

    [LibraryImport(Library)]
    public static partial int duckdb_bind_blob(IntPtr statement, ulong index, byte* value, ulong length);

    // Appender.
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int duckdb_appender_create(IntPtr connection, string? schema, string table, out IntPtr appender);

    [LibraryImport(Library)]
    public static partial ulong duckdb_appender_column_count(IntPtr appender);

    [LibraryImport(Library)]
    public static partial IntPtr duckdb_appender_column_type(IntPtr appender, ulong column);

    [LibraryImport(Library)]
    public static partial IntPtr duckdb_appender_error(IntPtr appender);

    [LibraryImport(Library)]
    public static partial int duckdb_append_data_chunk(IntPtr appender, IntPtr chunk);

    [LibraryImport(Library)]
    public static partial int duckdb_appender_flush(IntPtr appender);

    [LibraryImport(Library)]
    public static partial int duckdb_appender_close(IntPtr appender);

    [LibraryImport(Library)]
    public static partial int duckdb_appender_destroy(ref IntPtr appender);

    /// <summary>Reads a NUL-terminated UTF-8 string that DuckDB owns (never freed here).</summary>
    public static string? ReadUtf8(IntPtr ptr) => ptr == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(ptr);
}
