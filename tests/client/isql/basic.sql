create table isql_basic (id integer not null, name varchar(20), amount decimal(8,2))
insert into isql_basic values (1, 'alpha', 10.5)
insert into isql_basic values (2, 'beta', NULL)
insert into isql_basic values (3, NULL, -0.25)
select id, name, amount from isql_basic order by id
select count(*) from isql_basic where id > 1
update isql_basic set name = 'gamma' where id = 3
update isql_basic set name = 'none' where id = 99
delete from isql_basic where id = 2
select * from isql_basic order by id
select * from no_such_table
selec broken syntax
drop table isql_basic
