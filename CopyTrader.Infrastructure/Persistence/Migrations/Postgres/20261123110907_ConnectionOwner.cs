using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopyTrader.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConnectionOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerUserId",
                table: "BrokerConnections",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BrokerConnections_OwnerUserId",
                table: "BrokerConnections",
                column: "OwnerUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_BrokerConnections_AspNetUsers_OwnerUserId",
                table: "BrokerConnections",
                column: "OwnerUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BrokerConnections_AspNetUsers_OwnerUserId",
                table: "BrokerConnections");

            migrationBuilder.DropIndex(
                name: "IX_BrokerConnections_OwnerUserId",
                table: "BrokerConnections");

            migrationBuilder.DropColumn(
                name: "OwnerUserId",
                table: "BrokerConnections");
        }
    }
}
