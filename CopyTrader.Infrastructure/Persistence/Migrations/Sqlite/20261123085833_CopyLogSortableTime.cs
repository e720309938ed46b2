using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopyTrader.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CopyLogSortableTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Added empty, filled from CreatedUtc, then made required: no DEFAULT that would quietly date a row to 1970.
            migrationBuilder.AddColumn<long>(
                name: "CreatedUnixMs",
                table: "CopyLog",
                type: "INTEGER",
                nullable: true);

            // EF stores the time as text, "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz": whole seconds with the offset applied, plus the
            // first three fraction digits, truncated as DateTimeOffset.ToUnixTimeMilliseconds does for new rows.
            migrationBuilder.Sql("""
                UPDATE "CopyLog" SET "CreatedUnixMs" =
                    CAST(strftime('%s', substr("CreatedUtc", 1, 19) || substr("CreatedUtc", -6)) AS INTEGER) * 1000
                    + CASE WHEN substr("CreatedUtc", 20, 1) = '.'
                           THEN CAST(substr(substr("CreatedUtc", 21, length("CreatedUtc") - 26) || '00', 1, 3) AS INTEGER)
                           ELSE 0 END;
                """);

            migrationBuilder.AlterColumn<long>(
                name: "CreatedUnixMs",
                table: "CopyLog",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CopyLog_CreatedUnixMs",
                table: "CopyLog",
                column: "CreatedUnixMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CopyLog_CreatedUnixMs",
                table: "CopyLog");

            migrationBuilder.DropColumn(
                name: "CreatedUnixMs",
                table: "CopyLog");
        }
    }
}
