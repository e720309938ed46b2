using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopyTrader.Infrastructure.Persistence.Migrations.Postgres
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
                type: "bigint",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "CopyLog" SET "CreatedUnixMs" = floor(extract(epoch FROM "CreatedUtc") * 1000)::bigint;
                """);

            migrationBuilder.AlterColumn<long>(
                name: "CreatedUnixMs",
                table: "CopyLog",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint",
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
