create table isql_types (c char(5), v varchar(10), lv lvarchar(100), si smallint, i integer, i8 int8, bi bigint, sf smallfloat, f float, de decimal(10,3), m money(8,2), d date, dt datetime year to second, df datetime year to fraction(5), iv interval day to second, b boolean)
insert into isql_types values ('ab', 'vc', 'long text', -32767, 2147483647, -9223372036854775807, 9223372036854775807, 1.5, -2.25, 1234567.125, 99.99, '1999-12-31', '2024-06-15 12:34:56', '2024-06-15 12:34:56.12345', '3 04:05:06', 't')
insert into isql_types (c) values (NULL)
select * from isql_types
drop table isql_types
